// CSV records as RFC 4180 reads them: quoted fields may hold commas, doubled quotes and line
// breaks; a record ends at a line break (CRLF or LF) outside quotes. A leading BOM is dropped.
export function* csvRecords(text) {
  text = text.replace(/^\uFEFF/, '');
  let fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      yield fields;
      fields = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield fields;
  }
}
