using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Exports;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Tests.Exports;

public sealed class ExportWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\")", "\"'=HYPERLINK(\"\"http://example.com\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void A_field_a_spreadsheet_would_run_as_a_formula_is_neutralised(string value, string written)
    {
        var csv = new StringBuilder();
        ExportWriter.Line(csv, [value]);
        Assert.Equal(written + "\r\n", csv.ToString());
    }

    [Fact]
    public void A_csv_file_is_utf8_with_a_byte_order_mark_and_readable_headings_and_values()
    {
        var row = new ConsortiumStanding
        {
            Code = "00G", Name = "Newcastle North & East, “Tyneside”", HostPctCode = "5D7", Stage = ConsortiumStage.Pathfinder, Population = 123456,
            Score = 67.55, Track = Track.FastMover, ComputedTrack = Track.NeedsSupport, Override = Track.FastMover,
            LastAssessedUtc = new DateTime(2012, 3, 1, 10, 0, 0, DateTimeKind.Utc),
        };

        var file = ExportWriter.Write("consortia-Q30", ExportFormat.Csv, DashboardTables.Consortia([row], new DateOnly(2013, 3, 31)));

        Assert.Equal("consortia-Q30.csv", file.FileName);
        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), file.Bytes[..3]);
        var lines = Encoding.UTF8.GetString(file.Bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Code,Consortium,Host PCT,Stage,Population,Score,Track,Computed track,Regional decision,Last assessed,Forecast,At risk for April 2013", lines[0]);
        Assert.Equal("00G,\"Newcastle North & East, “Tyneside”\",5D7,Pathfinder,123456,67.6,Fast mover,Needs support,Fast mover,1 Mar 2012,Decided fast mover,No", lines[1]);
    }

    [Fact]
    public void Last_assessed_is_the_uk_date_of_the_submission()
    {
        // Submitted at 00:30 on 1 June 2012 in the UK, stored as 23:30 UTC on 31 May.
        var row = new ConsortiumStanding { Code = "00G", Name = "Test consortium", LastAssessedUtc = new DateTime(2012, 5, 31, 23, 30, 0, DateTimeKind.Utc) };

        Assert.Equal("1 Jun 2012", DashboardTables.ConsortiumCells(row, new DateOnly(2013, 3, 31))[Array.IndexOf(DashboardTables.ConsortiumHeadings, "Last assessed")]);
        Assert.Equal("Not assessed", DashboardTables.ConsortiumCells(row, new DateOnly(2013, 3, 31))[Array.IndexOf(DashboardTables.ConsortiumHeadings, "Track")]);
    }

    [Fact]
    public void A_workbook_has_a_sheet_per_table_with_headings_numbers_as_numbers_and_no_formula()
    {
        var figures = new ExportTable("By region", ["Region", "Consortia"], [["North East", 12L], ["=cmd|' /C calc'!A0", 3L]]);
        var trend = new ExportTable("Track trend", ["Month", "Fast movers"], [["March 2012", 4L]]);

        var file = ExportWriter.Write("national-dashboard", ExportFormat.Excel, figures, trend);

        Assert.Equal("national-dashboard.xlsx", file.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.ContentType);
        using var stream = new MemoryStream(file.Bytes);
        Assert.Equal(["By region", "Track trend"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "By region").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("North East", rows[0]["Region"]);
        Assert.Equal(12d, Convert.ToDouble(rows[0]["Consortia"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("'=cmd|' /C calc'!A0", rows[1]["Region"]);

        using var zip = new ZipArchive(new MemoryStream(file.Bytes));
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(sheet.Open());
            Assert.DoesNotMatch(@"<(\w+:)?f[ >]", reader.ReadToEnd());
        }
    }

    [Fact]
    public void A_workbook_of_an_empty_table_still_has_its_headings()
    {
        var file = ExportWriter.Write("lessons", ExportFormat.Excel, new ExportTable("Lessons", ["Written", "Lesson"], []));

        using var stream = new MemoryStream(file.Bytes);
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Written", "Lesson"], rows.Single().Values.Select(v => v?.ToString()));
    }

    [Fact]
    public void A_csv_file_holds_one_table_and_a_row_has_a_cell_per_heading()
    {
        var table = new ExportTable("A", ["One"], [["x"]]);

        Assert.Throws<ArgumentException>(() => ExportWriter.Write("two", ExportFormat.Csv, table, table));
        Assert.Throws<ArgumentException>(() => ExportWriter.Write("ragged", ExportFormat.Excel, new ExportTable("B", ["One", "Two"], [["x"]])));
    }
}
