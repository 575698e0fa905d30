// Line breaks in one-line fields. An <input> drops CR and LF from its value,
// so a header injection ("Hi\r\nBcc: victim@…" in a subject) could not be
// tested from the page (issue 20, flow 1). Here CR shows as ␍ and LF as ␊ —
// pasted breaks are kept that way, Shift+Enter types a CRLF — and the request
// carries real CR and LF.

const CR = '\u240d'; // ␍ SYMBOL FOR CARRIAGE RETURN
const LF = '\u240a'; // ␊ SYMBOL FOR LINE FEED

export const toVisible = (value) => String(value).replace(/\r/g, CR).replace(/\n/g, LF);
export const fromVisible = (value) => String(value).replaceAll(CR, '\r').replaceAll(LF, '\n');
export const hasBreak = (value) => value.includes(CR) || value.includes(LF);

function insert(input, text) {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.setRangeText(text, start, end, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Makes a one-line `input` keep pasted line breaks visibly and type one on Shift+Enter. */
export function keepBreaks(input) {
  const mark = () => input.classList.toggle('has-break', hasBreak(input.value));
  input.addEventListener('paste', (event) => {
    const pasted = event.clipboardData && event.clipboardData.getData('text/plain');
    if (!pasted || !/[\r\n]/.test(pasted)) return;
    event.preventDefault();
    insert(input, toVisible(pasted));
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      insert(input, toVisible('\r\n'));
    }
  });
  input.addEventListener('input', mark);
  return mark;
}
