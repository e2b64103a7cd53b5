using Bunit;
using TransitionTracker.Application.Exports;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

public sealed class ExportLinksTests : MudComponentContext
{
    [Fact]
    public void Offers_the_same_export_as_csv_and_as_excel_with_the_filters_of_the_grid()
    {
        var links = Render<ExportLinks>(p => p
            .Add(l => l.Id, "export-consortia")
            .Add(l => l.Href, "/regions/Q30/consortia")
            .Add(l => l.Query, "?sort=score&track=fast-mover")
            .Add(l => l.What, "these 12 consortia"));

        var csv = links.Find("a#export-consortia");
        var excel = links.Find("a#export-consortia-xlsx");
        Assert.Equal("/regions/Q30/consortia.csv?sort=score&track=fast-mover", csv.GetAttribute("href"));
        Assert.Equal("/regions/Q30/consortia.xlsx?sort=score&track=fast-mover", excel.GetAttribute("href"));
        Assert.True(csv.HasAttribute("download"));
        Assert.Equal("CSV", csv.TextContent);
        Assert.Equal("Excel", excel.TextContent);
        Assert.Equal("Download these 12 consortia as CSV or Excel", System.Text.RegularExpressions.Regex.Replace(links.Find("span").TextContent, @"\s+", " ").Trim());
        Assert.Equal("/regions/Q30/consortia.xlsx?sort=score&track=fast-mover", links.Instance.HrefFor(ExportFormat.Excel));
    }
}
