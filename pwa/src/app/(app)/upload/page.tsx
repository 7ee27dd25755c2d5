import type { Metadata } from "next";
import { UploadRoute } from "./_components/upload-route";

export const metadata: Metadata = { title: "Upload" };

export default function UploadPage() {
  return <UploadRoute />;
}
