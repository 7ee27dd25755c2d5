"use client";

import { Dialog } from "@/components/ui/dialog";
import { LoginForm } from "@/features/auth/components/login-form";

/** Shown over the screen when a request answers 401: sign in again without losing what is there. */
export default function SignInAgain({ email, onSignedIn }: { email: string; onSignedIn: () => void }) {
  return (
    <Dialog
      open
      onOpenChange={() => undefined}
      title="Sign in again"
      description="Your session has ended. Sign in to carry on — what is on the screen is kept."
    >
      <LoginForm defaultEmail={email} onSignedIn={onSignedIn} />
    </Dialog>
  );
}
