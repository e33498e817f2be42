import type { FormEvent, ReactNode } from 'react';
import { ProblemNotice } from '../status';
import type { Decision } from './use-decision';

/** What a form with one required field lacks: that field with `message`, unless `filled`. */
export function missingUnless(filled: boolean, field: string, message: string): Record<string, string> {
  return filled ? {} : { [field]: message };
}

interface DecisionFormProps {
  decision: Decision;
  action: 'accept' | 'reject';
  /** The fields the form still needs, field → message; empty when it may be sent. */
  missing: () => Record<string, string>;
  /** The request body, built only once nothing is missing. */
  body: () => unknown;
  /** Shown above the server's problem (e.g. what accepting will do). */
  intro?: ReactNode;
  children: ReactNode;
}

/** One way of deciding a proposal: marks the missing fields, or sends the decision and shows the server's problem. */
export function DecisionForm({ decision, action, missing, body, intro, children }: DecisionFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = missing();
    decision.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    void decision.send(action, body());
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {intro}
      <ProblemNotice error={decision.problem} />
      {children}
    </form>
  );
}
