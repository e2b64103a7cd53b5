using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

public sealed class PracticeTableTests
{
    [Fact]
    public async Task Renders_a_row_per_practice_flags_inferred_pcts_and_totals_the_list()
    {
        PracticeListing[] practices =
        [
            new("A86003", "BURNSIDE SURGERY", 8_250, "00G", PctInferred: false),
            new("A81001", "THE DENSHAM SURGERY", 4_088, null, PctInferred: true),
        ];

        var page = await ComponentRenderer.RenderAsync<PracticeTable>(new Dictionary<string, object?>
        {
            [nameof(PracticeTable.Practices)] = practices,
            [nameof(PracticeTable.Caption)] = "GP practices in Test PCT",
        });

        var rows = page.BodyRows("GP practices in Test PCT");
        Assert.Equal(2, rows.Count);
        Assert.Equal("/consortia/00G", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(rows[0].QuerySelector(".nhsuk-tag"));
        Assert.Equal("Inferred", rows[1].QuerySelector(".nhsuk-tag")!.Text());
        Assert.Equal("None", rows[1].Children[2].Text());
        Assert.Equal("Total (2 practices) 12,338", page.QuerySelector("tfoot tr")!.Text());
    }
}
