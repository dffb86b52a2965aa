/**
 * One reason a payload was refused: where (`path`, as field names and array indices) and why
 * (`message`). Messages never quote the input, so issues may be logged and returned.
 */
export interface ContractIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly code?: string;
}
