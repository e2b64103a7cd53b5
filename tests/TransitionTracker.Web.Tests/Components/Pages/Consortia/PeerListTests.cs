using Bunit;
using TransitionTracker.Web.Components.Pages.Consortia;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>The status page's peers: the rule in words, one table with column headers, links only to what the reader may open.</summary>
public sealed class PeerListTests : MudComponentContext
{
    private static readonly PeerContents Peers = new(
        "Up to 5 consortia with 100,000 to 250,000 patients (this one has 156,013) that also started as needing support at their first assessment: those in North East first, then those that have been a fast mover, then the nearest in size.",
        "31 March 2013",
        [
            new("00H", "Newcastle West", "North East", 132_408, "/consortia/00H", "242 days (about 8 months)",
                [
                    new("1.2", "A clear clinical vision", "Clinical leadership", "15 May 2011", true),
                    new("2.1", "A governance framework", "Governance", "14 September 2011", false),
                ],
                7,
                [new("Close the essential one first", "Clinical leadership", "/consortia/00H/lessons?domain=clinical-leadership")]),
            new("01A", "Leeds North", "Yorkshire and the Humber", 150_000, null, "Not yet (300 days (about 10 months) so far)", [], 0, []),
        ]);

    [Fact]
    public void Each_peer_is_a_row_under_column_headers_with_its_time_criteria_and_lesson_links()
    {
        var list = Render<PeerList>(p => p.Add(l => l.Peers, Peers).Add(l => l.ConsortiumName, "Newcastle North and East"));

        Assert.Equal("Similar consortia", list.Find("h2").TextContent);
        Assert.Equal(Peers.Rule, list.Find("#peers-rule").TextContent);
        Assert.Contains("As at 31 March 2013", list.Markup, StringComparison.Ordinal);
        Assert.Equal(
            ["Consortium", "Region", "Registered patients", "Needs support to fast mover", "Criteria closed first", "Lessons on criteria still open here"],
            list.FindAll("thead th").Select(th => th.TextContent).ToArray());
        Assert.All(list.FindAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Contains("Consortia like Newcastle North and East", list.Find("caption").TextContent, StringComparison.Ordinal);

        var rows = list.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        var first = rows[0].QuerySelectorAll("td");
        Assert.Equal("/consortia/00H", first[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Newcastle West", first[0].QuerySelector("a")!.TextContent);
        Assert.Equal("132,408", first[2].TextContent);
        Assert.Equal("242 days (about 8 months)", first[3].TextContent);
        Assert.Equal(
            ["1.2: A clear clinical vision (Clinical leadership, 15 May 2011); still open here", "2.1: A governance framework (Governance, 14 September 2011)"],
            first[4].QuerySelectorAll("li").Select(li => li.TextContent).ToArray());
        Assert.Contains("and 5 more", first[4].TextContent, StringComparison.Ordinal);
        var lesson = first[5].QuerySelector("a")!;
        Assert.Equal("/consortia/00H/lessons?domain=clinical-leadership", lesson.GetAttribute("href"));
        Assert.Equal("Close the essential one first: a lesson of Newcastle West", lesson.TextContent);
        Assert.All(rows[0].QuerySelectorAll("td"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label"))));
    }

    [Fact]
    public void A_peer_the_reader_may_not_open_is_named_without_a_link_and_its_lessons_are_not_given()
    {
        var list = Render<PeerList>(p => p.Add(l => l.Peers, Peers).Add(l => l.ConsortiumName, "Newcastle North and East"));

        var row = list.FindAll("tbody tr")[1];
        Assert.Empty(row.QuerySelectorAll("a"));
        Assert.Equal("Leeds North (01A)", row.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("Not yet (300 days (about 10 months) so far)", row.QuerySelectorAll("td")[3].TextContent);
        Assert.Equal("None closed yet", row.QuerySelectorAll("td")[4].TextContent.Trim());
        Assert.Equal("Only those who may read Leeds North see its lessons", row.QuerySelectorAll("td")[5].TextContent.Trim());
    }

    [Fact]
    public void No_peer_says_so()
    {
        var list = Render<PeerList>(p => p.Add(l => l.Peers, Peers with { Peers = [] }).Add(l => l.ConsortiumName, "Newcastle North and East"));

        Assert.Equal("No other consortium matches yet.", list.Find("#peers-none").TextContent);
        Assert.Empty(list.FindAll("table"));
    }
}
