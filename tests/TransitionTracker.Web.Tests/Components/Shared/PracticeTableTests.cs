using Bunit;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

public sealed class PracticeTableTests : MudComponentContext
{
    private static readonly PracticeListing[] Practices =
    [
        new("A86003", "BURNSIDE SURGERY", 8_250, "00G", PctInferred: false),
        new("A81001", "THE DENSHAM SURGERY", 4_088, null, PctInferred: true),
        .. Enumerable.Range(1, 30).Select(i => new PracticeListing($"B{i:00000}", $"PRACTICE {i:00}", 1_000, "00H", PctInferred: false)),
    ];

    private readonly List<PracticeTableQuery> _asked = [];

    [Fact]
    public void Renders_a_row_per_practice_of_the_page_flags_inferred_pcts_and_totals_every_practice()
    {
        var table = Render(new PracticeTableQuery(Search: "surgery"));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("/consortia/00G", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(rows[0].QuerySelector(".app-inferred-tag"));
        Assert.Equal("Inferred", rows[1].QuerySelector(".app-inferred-tag")!.TextContent.Trim());
        Assert.Equal("None", rows[1].Children[2].TextContent.Trim());
        Assert.Equal(["Total (32 practices)", "", "", "42,338"], table.FindAll("tfoot td").Select(td => td.TextContent.Trim()));
        Assert.Contains("2 of 32 practices match “surgery”", table.Find("[role=status]").TextContent);
    }

    [Fact]
    public void Sorting_by_a_column_heading_asks_for_that_sort_from_the_first_page()
    {
        var table = Render(new PracticeTableQuery(Page: 2));

        table.FindAll("th").Single(th => th.TextContent.Contains("List size")).QuerySelector(".sortable-column-header")!.Click();

        Assert.Equal(new PracticeTableQuery(Sort: "list-size"), Assert.Single(_asked));
    }

    [Fact]
    public void Choosing_a_page_asks_for_it_and_keeps_the_search_and_sort()
    {
        var query = new PracticeTableQuery(Sort: "code", Descending: true);
        var table = Render(query);

        Assert.Equal(25, table.FindAll("tbody tr").Count);
        table.Find("nav[aria-label='Pages of practices'] button[aria-label='Page 2']").Click();

        Assert.Equal(query with { Page = 2 }, Assert.Single(_asked));
    }

    [Fact]
    public void A_search_asks_for_the_first_page_of_what_matches()
    {
        var table = Render(new PracticeTableQuery(Page: 2));

        table.Find("input").Input("  densham ");

        table.WaitForAssertion(() => Assert.Equal(new PracticeTableQuery(Search: "densham"), Assert.Single(_asked)));
    }

    [Fact]
    public void The_export_links_carry_the_search_and_sort_and_are_left_out_without_an_export_address()
    {
        var query = new PracticeTableQuery(Search: "densham", Sort: "list-size", Descending: true, Page: 2);

        var table = Render(query, "/pcts/5D7/practices");
        var plain = Render(query);

        Assert.Equal("/pcts/5D7/practices.csv?q=densham&sort=list-size&dir=desc", table.Find("#export-practices").GetAttribute("href"));
        Assert.Equal("/pcts/5D7/practices.xlsx?q=densham&sort=list-size&dir=desc", table.Find("#export-practices-xlsx").GetAttribute("href"));
        Assert.Empty(plain.FindAll("#export-practices"));
    }

    [Fact]
    public void A_page_read_again_keeps_its_rows_and_their_components_and_shows_what_changed()
    {
        var query = new PracticeTableQuery(Search: "surgery");
        var table = Render(query);
        var before = RowComponents(table);
        Assert.Equal(2, before.Count);

        // A read gives new objects for the same rows, one with a new list size.
        var reread = Practices.Select(p => p.Code == "A86003" ? p with { ListSize = 9_001 } : p with { }).ToArray();
        table.Render(p => p.Add(t => t.Table, query.Apply(reread)));

        Assert.Contains("9,001", table.Find("tbody").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, RowComponents(table));
    }

    // Each row's cells sit inside a form cascade of their own, one component per row.
    private static List<object> RowComponents(IRenderedComponent<PracticeTable> table) =>
        [.. table.FindComponents<Microsoft.AspNetCore.Components.CascadingValue<MudBlazor.Interfaces.IForm>>().Select(c => (object)c.Instance)];

    private IRenderedComponent<PracticeTable> Render(PracticeTableQuery query, string? exportHref = null) =>
        RenderInteractive<PracticeTable>(p => p
            .Add(t => t.Table, query.Apply(Practices))
            .Add(t => t.Query, query)
            .Add(t => t.ExportHref, exportHref)
            .Add(t => t.QueryChanged, asked => _asked.Add(asked)));
}
