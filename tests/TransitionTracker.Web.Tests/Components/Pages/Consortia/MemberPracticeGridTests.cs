using Bunit;
using TransitionTracker.Web.Components.Pages.Consortia;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>The status page's member practices grid, live: ten to a page, searched and sorted in place.</summary>
public sealed class MemberPracticeGridTests : MudComponentContext
{
    // 23 practices: A00001 to A00023, list sizes rising with the code, half of them in a PCT the reader may not open.
    private static readonly IReadOnlyList<ConsortiumStatusContents.MemberRow> Members = Enumerable.Range(1, 23)
        .Select(i => new ConsortiumStatusContents.MemberRow(
            $"A{i:00000}", $"Practice {i:00}{(i == 7 ? " Riverside" : "")}", i % 2 == 0 ? "5D7" : "5D8", i % 2 == 0, new DateOnly(2011, 1, i), 1000 * i))
        .ToList();

    [Fact]
    public void The_first_ten_practices_show_with_a_link_to_each_pct_the_reader_may_open()
    {
        var grid = RenderInteractive<MemberPracticeGrid>(p => p.Add(g => g.ConsortiumCode, "00G").Add(g => g.Members, Members));

        var rows = grid.FindAll("tbody tr");
        Assert.Equal(10, rows.Count);
        Assert.Equal(["Practice 01", "A00001", "5D8", "1 January 2011", "1,000"], rows[0].QuerySelectorAll("td").Select(td => td.Text()).ToArray());
        Assert.Null(rows[0].QuerySelector("a"));
        Assert.Equal("/pcts/5D7", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1-10 of 23", grid.Markup);
    }

    [Fact]
    public void Searching_by_name_or_code_keeps_only_the_matching_practices()
    {
        var grid = RenderInteractive<MemberPracticeGrid>(p => p.Add(g => g.ConsortiumCode, "00G").Add(g => g.Members, Members));

        grid.Find("input").Input("riverside");
        grid.WaitForAssertion(() => Assert.Equal(["Practice 07 Riverside"], grid.FindAll("tbody tr").Select(r => r.QuerySelector("td")!.Text()).ToArray()));

        grid.Find("input").Input("A0002");
        grid.WaitForAssertion(() => Assert.Equal(["A00020", "A00021", "A00022", "A00023"], grid.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td")[1].Text()).ToArray()));
    }

    [Fact]
    public void The_export_links_carry_the_search_so_the_files_hold_the_practices_it_matches()
    {
        var grid = RenderInteractive<MemberPracticeGrid>(p => p.Add(g => g.ConsortiumCode, "00G").Add(g => g.Members, Members));

        Assert.Equal("/consortia/00G/members.csv", grid.Find("#export-members").GetAttribute("href"));
        Assert.Contains("every member practice", grid.Find(".app-export-links").TextContent, StringComparison.Ordinal);

        grid.Find("input").Input(" river side ");
        grid.WaitForAssertion(() => Assert.Equal("/consortia/00G/members.xlsx?q=river%20side", grid.Find("#export-members-xlsx").GetAttribute("href")));
        Assert.Contains("the member practices this search matches", grid.Find(".app-export-links").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Sorting_by_list_size_twice_puts_the_largest_first()
    {
        var grid = RenderInteractive<MemberPracticeGrid>(p => p.Add(g => g.ConsortiumCode, "00G").Add(g => g.Members, Members));

        var sort = grid.FindAll("th").Single(th => th.Text().Contains("List size")).QuerySelector(".sort-direction-icon, .mud-sort-button, button")!;
        sort.Click();
        sort = grid.FindAll("th").Single(th => th.Text().Contains("List size")).QuerySelector(".sort-direction-icon, .mud-sort-button, button")!;
        sort.Click();

        Assert.Equal("23,000", grid.FindAll("tbody tr")[0].QuerySelectorAll("td")[4].Text());
    }
}
