import { useMemo, useState } from "react";
import { type FormErrors, hasErrors, mergeErrors, NO_ERRORS, serverErrors } from "../lib/form-errors";
import { ApiError } from "../services/api-error";

/**
 * The errors a form shows: its own check's, else the last failed submit's (the API's 400 details by field), until
 * the user edits the form. `edited()` goes in every field's onChange.
 */
export function useFormErrors(submitError: unknown) {
  const [clientErrors, setClientErrors] = useState<FormErrors>(NO_ERRORS);
  // The submit error the user has edited since: it no longer describes the form.
  const [dismissed, setDismissed] = useState<unknown>(null);
  const errors = useMemo<FormErrors>(() => {
    if (hasErrors(clientErrors)) return clientErrors;
    if (!submitError || submitError === dismissed) return NO_ERRORS;
    if (submitError instanceof ApiError) {
      const details = serverErrors(submitError.fieldErrors());
      return details.length > 0 ? mergeErrors(details) : { fields: {}, form: [submitError.message] };
    }
    return { fields: {}, form: [submitError instanceof Error ? submitError.message : String(submitError)] };
  }, [clientErrors, submitError, dismissed]);
  const edited = () => {
    setClientErrors(NO_ERRORS);
    setDismissed(submitError);
  };
  return { errors, setClientErrors, edited };
}
