using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace TransitionTracker.Application.Exports;

/// <summary>
/// Writes <see cref="ExportTable"/>s as the files people open (docs/architecture.md, "Exports"): CSV in UTF-8 with a
/// byte order mark, and Excel workbooks with one sheet per table. In both, a text value that a spreadsheet would run as
/// a formula (starting with =, +, -, @, tab or carriage return) is written with a leading apostrophe.
/// </summary>
public static class ExportWriter
{
    private static readonly byte[] Bom = Encoding.UTF8.GetPreamble();

    /// <summary>The tables as a file named <paramref name="name"/> plus the format's extension: a CSV file holds one table.</summary>
    public static ExportFile Write(string name, ExportFormat format, params IReadOnlyList<ExportTable> tables)
    {
        if (format == ExportFormat.Csv && tables.Count != 1)
        {
            throw new ArgumentException("A CSV file holds one table.", nameof(tables));
        }

        if (tables.FirstOrDefault(t => !t.IsRectangular) is { } ragged)
        {
            throw new ArgumentException($"A row of '{ragged.Title}' has not one cell per heading.", nameof(tables));
        }

        var fileName = $"{name}.{format.Extension()}";
        return format == ExportFormat.Csv
            ? new ExportFile(fileName, format.ContentType(), [.. Bom, .. Encoding.UTF8.GetBytes(CsvText(tables[0]))])
            : new ExportFile(fileName, format.ContentType(), Workbook(tables));
    }

    /// <summary>The table as CSV text: its headings, then a line per row, lines ending CRLF.</summary>
    public static string CsvText(ExportTable table)
    {
        var csv = new StringBuilder();
        Line(csv, table.Headings);
        foreach (var row in table.Rows)
        {
            Line(csv, row.Select(CsvValue));
        }

        return csv.ToString();
    }

    public static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    /// <summary>A text value as a spreadsheet shows it without running it: one that starts like a formula gets a leading apostrophe.</summary>
    public static string Neutralised(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '@' or '-' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        long whole => whole.ToString(CultureInfo.InvariantCulture),
        int whole => whole.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("0.0##", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Quotes fields that need it, after neutralising formulas (numbers such as -1.5 are left as they are).
    private static string Field(string value)
    {
        value = Neutralised(value);
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static byte[] Workbook(IReadOnlyList<ExportTable> tables)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in tables)
        {
            sheets.Add(SheetName(table.Title, sheets.Keys), Sheet(table));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    // A column is numeric when every value in it is a number (or empty); otherwise text.
    private static DataTable Sheet(ExportTable table)
    {
        var sheet = new DataTable(table.Title) { Locale = CultureInfo.InvariantCulture };
        for (var i = 0; i < table.Headings.Count; i++)
        {
            var values = table.Rows.Select(r => r[i]).Where(v => v is not null).ToList();
            var type = values.Count > 0 && values.All(v => v is long or int) ? typeof(long)
                : values.Count > 0 && values.All(v => v is long or int or double) ? typeof(double)
                : typeof(string);
            sheet.Columns.Add(UniqueHeading(table.Headings[i], sheet.Columns), type);
        }

        foreach (var row in table.Rows)
        {
            sheet.Rows.Add(row.Select((v, i) => SheetValue(v, sheet.Columns[i].DataType)).ToArray());
        }

        return sheet;
    }

    private static object SheetValue(object? value, Type column) => value switch
    {
        null => DBNull.Value,
        _ when column == typeof(long) => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ when column == typeof(double) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => Neutralised(CsvValue(value)),
    };

    private static string UniqueHeading(string heading, DataColumnCollection columns)
    {
        var name = heading;
        for (var n = 2; columns.Contains(name); n++)
        {
            name = $"{heading} ({n})";
        }

        return name;
    }

    // Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], and unique ignoring case.
    private static string SheetName(string title, IEnumerable<string> taken)
    {
        var plain = new string(title.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        plain = plain.Length == 0 ? "Sheet" : plain[..Math.Min(plain.Length, 31)];
        var name = plain;
        for (var n = 2; taken.Contains(name, StringComparer.OrdinalIgnoreCase); n++)
        {
            var suffix = $" ({n})";
            name = plain[..Math.Min(plain.Length, 31 - suffix.Length)] + suffix;
        }

        return name;
    }
}
