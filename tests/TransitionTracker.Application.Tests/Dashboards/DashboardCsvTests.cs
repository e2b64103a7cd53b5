using System.Text;
using TransitionTracker.Application.Dashboards;

namespace TransitionTracker.Application.Tests.Dashboards;

public sealed class DashboardCsvTests
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
        DashboardCsv.Line(csv, [value]);
        Assert.Equal(written + "\r\n", csv.ToString());
    }

    [Fact]
    public void Last_assessed_is_the_uk_date_of_the_submission()
    {
        // Submitted at 00:30 on 1 June 2012 in the UK, stored as 23:30 UTC on 31 May.
        var row = new ConsortiumStanding { Code = "00G", Name = "Test consortium", LastAssessedUtc = new DateTime(2012, 5, 31, 23, 30, 0, DateTimeKind.Utc) };

        Assert.Equal("2012-06-01", DashboardCsv.ConsortiumFields(row)[Array.IndexOf(DashboardCsv.ConsortiumHeader, "last_assessed")]);
    }
}
