namespace TransitionTracker.Application.Exports;

/// <summary>The file a grid or dashboard table is downloaded as.</summary>
public enum ExportFormat
{
    /// <summary>Comma-separated values, UTF-8 with a byte order mark so that Excel reads the characters right.</summary>
    Csv,

    /// <summary>An Excel workbook (.xlsx), one sheet per table.</summary>
    Excel,
}

public static class ExportFormats
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(this ExportFormat format) => format == ExportFormat.Excel ? "xlsx" : "csv";

    public static string ContentType(this ExportFormat format) => format == ExportFormat.Excel ? ExcelContentType : CsvContentType;

    /// <summary>The format an address's extension names (csv or xlsx, ignoring case); null for any other.</summary>
    public static ExportFormat? FromExtension(string? extension) => extension?.ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Excel,
        _ => null,
    };
}
