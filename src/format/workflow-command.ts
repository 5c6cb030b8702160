/** Where a GitHub Actions annotation points; line and column only when known. */
export interface AnnotationPlace {
  file: string;
  line?: number;
  column?: number;
}

/**
 * One GitHub Actions workflow command (`::error file=…,line=…::message`). Property values
 * and the message are escaped as the runner expects, so text from a spec cannot end the
 * command early or forge another.
 */
export function workflowCommand(
  level: 'error' | 'warning' | 'notice',
  place: AnnotationPlace,
  title: string,
  message: string,
): string {
  const props = [`file=${escapeProperty(place.file)}`];
  if (place.line !== undefined) props.push(`line=${place.line}`, `col=${place.column ?? 1}`);
  props.push(`title=${escapeProperty(title)}`);
  return `::${level} ${props.join(',')}::${escapeData(message)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
