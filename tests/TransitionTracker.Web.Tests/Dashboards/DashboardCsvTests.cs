using System.Text;
using TransitionTracker.Web.Dashboards;

namespace TransitionTracker.Web.Tests.Dashboards;

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
}
