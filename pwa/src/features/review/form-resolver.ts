/**
 * The review form's validation: zod rules that match the API's (schemas.ts), relative to the values
 * the edit starts from. Loaded on demand by the form (its first validation), not with the screen.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import type { FieldValues } from "./fields";
import type { ReviewFormValues } from "./form-values";
import { reviewFormSchema } from "./schemas";

export function reviewFormResolver(baseline: FieldValues): Resolver<ReviewFormValues> {
  return zodResolver(reviewFormSchema(baseline));
}
