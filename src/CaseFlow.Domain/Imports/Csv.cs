using System.Text;

namespace CaseFlow.Domain.Imports;

/// <summary>The records of a CSV text. <see cref="Lines"/>[i] is the 1-based line on which record i starts
/// (a quoted field may span lines). <see cref="Errors"/> use the field name "line N".</summary>
public sealed record CsvParseResult(
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<int> Lines,
    IReadOnlyList<FieldError> Errors)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>The line number of each error, parallel to <see cref="Errors"/>.</summary>
    internal IReadOnlyList<int> ErrorLines { get; init; } = [];
}

/// <summary>RFC 4180 CSV reader.</summary>
public static class Csv
{
    /// <summary>
    /// Splits <paramref name="text"/> into records and fields: comma separated; a field starting with a double
    /// quote is quoted (commas, line breaks and doubled quotes "" inside it are data); records end with CRLF, LF
    /// or CR. A leading BOM (U+FEFF) is stripped; empty lines at the end are ignored (other empty lines are
    /// records with one empty field). A quote inside an unquoted field is taken literally. Never throws:
    /// an unterminated quote, or text after a closing quote, is an error naming the line.
    /// </summary>
    public static CsvParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<IReadOnlyList<string>>();
        var lines = new List<int>();
        var errors = new List<FieldError>();
        var errorLines = new List<int>();
        void Error(int line, string message)
        {
            errors.Add(new FieldError($"line {line}", message));
            errorLines.Add(line);
        }

        var n = text.Length;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var field = new StringBuilder();
        while (i < n)
        {
            var recordLine = line;
            var fields = new List<string>();
            var endOfInput = false;
            while (true)
            {
                field.Clear();
                if (i < n && text[i] == '"')
                {
                    var quoteLine = line;
                    i++;
                    var closed = false;
                    while (i < n)
                    {
                        var ch = text[i];
                        if (ch == '"')
                        {
                            if (i + 1 < n && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (ch == '\n' || (ch == '\r' && !(i + 1 < n && text[i + 1] == '\n'))) line++;
                        field.Append(ch);
                        i++;
                    }
                    if (!closed)
                    {
                        Error(quoteLine, $"第 {quoteLine} 行开始的引号字段没有结束引号（引号未闭合）。");
                        fields.Add(field.ToString());
                        endOfInput = true;
                        break;
                    }
                    if (i < n && !IsDelimiter(text[i]))
                    {
                        Error(line, $"第 {line} 行：引号字段的结束引号后面只能是逗号或换行，却有其他字符。");
                        while (i < n && !IsDelimiter(text[i])) field.Append(text[i++]);
                    }
                }
                else
                {
                    while (i < n && !IsDelimiter(text[i])) field.Append(text[i++]);
                }
                fields.Add(field.ToString());
                if (i >= n)
                {
                    endOfInput = true;
                    break;
                }
                if (text[i] == ',')
                {
                    i++;
                    continue;
                }
                // end of record: CRLF, LF or CR
                if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') i += 2;
                else i++;
                line++;
                break;
            }
            rows.Add(fields.AsReadOnly());
            lines.Add(recordLine);
            if (endOfInput) break;
        }

        // empty lines at the end are not records
        while (rows.Count > 0 && rows[^1] is [""])
        {
            rows.RemoveAt(rows.Count - 1);
            lines.RemoveAt(lines.Count - 1);
        }
        return new CsvParseResult(rows.AsReadOnly(), lines.AsReadOnly(), errors.AsReadOnly()) { ErrorLines = errorLines.AsReadOnly() };
    }

    private static bool IsDelimiter(char c) => c is ',' or '\r' or '\n';
}
