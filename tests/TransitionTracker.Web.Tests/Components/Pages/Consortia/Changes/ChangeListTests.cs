using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using TransitionTracker.Application.Changes;
using TransitionTracker.Web.Components.Pages.Consortia.Changes;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Changes;

/// <summary>The changes list as a live circuit shows it: what it is given, and what the reader's clicks ask for.</summary>
public sealed class ChangeListTests : MudComponentContext
{
    private static readonly ChangeSet[] Saves =
    [
        new(new DateTime(2011, 3, 15, 10, 15, 0, DateTimeKind.Utc), "manager@demo.test",
            [new ChangeItem("Support action changed", [new ChangedField("Owner", "PCT development lead", "Consortium accountable officer")], [], "")]),
        new(new DateTime(2011, 3, 15, 9, 45, 0, DateTimeKind.Utc), "lead@demo.test",
            [new ChangeItem("Assessment submitted: score 81.2, fast mover", [], [new ChangedField("GOV-01", "In progress", "Met")], "1 answer changed")]),
    ];

    private readonly List<ChangeListQuery> _asked = [];

    [Fact]
    public void Shows_one_row_per_save_with_its_fields_and_answers_folded_and_a_summary_of_the_page()
    {
        var list = Render(new ChangeListQuery(Page: 2), pageNumber: 2, pageCount: 3, total: 52, matching: 52);

        var rows = list.FindAll("tr.app-change-row");
        Assert.Equal(2, rows.Count);
        Assert.Equal("15 Mar 2011, 10:15 (UK time)", rows[0].Children[0].TextContent.Trim());
        Assert.Equal("manager@demo.test", rows[0].Children[1].TextContent.Trim());
        Assert.Equal("Support action changed", rows[0].QuerySelector(".app-change-summary")!.TextContent.Trim());
        Assert.Equal("1 field: Owner", rows[0].QuerySelector("details.app-change-fields summary")!.TextContent.Trim());
        Assert.Equal("Owner: PCT development lead → Consortium accountable officer", rows[0].QuerySelector("details.app-change-fields li")!.TextContent.Trim());
        Assert.Null(rows[0].QuerySelector("details.app-change-fields")!.GetAttribute("open"));
        Assert.Equal("1 answer changed", rows[1].QuerySelector("details.app-change-answers summary")!.TextContent.Trim());
        Assert.Equal("GOV-01: In progress → Met", rows[1].QuerySelector("details.app-change-answers li")!.TextContent.Trim());
        Assert.Equal("Showing 26 to 27 of 52, page 2 of 3.", list.Find(".app-grid-summary").TextContent.Trim());
    }

    [Fact]
    public async Task Choosing_a_kind_an_order_or_a_search_asks_for_the_first_page_of_those_changes()
    {
        var query = new ChangeListQuery(Search: "lead", Page: 3);
        var list = Render(query, pageNumber: 3, pageCount: 3, total: 80, matching: 60);

        Assert.Equal("Kind of change", list.Find("label[for=kind-filter]").TextContent);
        Assert.Equal(["Newest first", "Oldest first"], list.FindAll("#order-filter option").Select(o => o.TextContent));
        await list.Find("#kind-filter").ChangeAsync(new ChangeEventArgs { Value = "support-actions" });
        await list.Find("#order-filter").ChangeAsync(new ChangeEventArgs { Value = "oldest" });
        await list.Find("#kind-filter").ChangeAsync(new ChangeEventArgs { Value = "" });
        await list.InvokeAsync(() => list.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("  jones  "));

        Assert.Equal(
            [
                query with { Kind = ChangeKind.SupportActions, Page = 1 },
                query with { OldestFirst = true, Page = 1 },
                query with { Page = 1 },
                query with { Search = "jones", Page = 1 },
            ],
            _asked);
        Assert.Equal("60 of 80 changes match. Showing 51 to 52, page 3 of 3.", list.Find(".app-grid-summary").TextContent.Trim());
    }

    [Fact]
    public void Choosing_a_page_asks_for_it_with_the_same_search_kind_and_order()
    {
        var query = new ChangeListQuery(Kind: ChangeKind.Assessments, OldestFirst: true);
        var list = Render(query, pageNumber: 1, pageCount: 4, total: 120, matching: 90);

        list.Find("nav[aria-label='Pages of changes'] button[aria-label='Page 2']").Click();

        Assert.Equal([query with { Page = 2 }], _asked);
    }

    [Fact]
    public void A_search_that_matches_nothing_says_so_and_offers_no_pages()
    {
        var list = RenderInteractive<ChangeList>(p => p
            .Add(l => l.Changes, [])
            .Add(l => l.Query, new ChangeListQuery(Search: "nothing"))
            .Add(l => l.TotalChanges, 12)
            .Add(l => l.QueryChanged, asked => _asked.Add(asked)));

        Assert.Contains("No change matches this search.", list.Find("tbody").TextContent);
        Assert.Equal("0 of 12 changes match.", list.Find(".app-grid-summary").TextContent.Trim());
        Assert.Empty(list.FindAll("nav[aria-label='Pages of changes']"));
    }

    private IRenderedComponent<ChangeList> Render(ChangeListQuery query, int pageNumber, int pageCount, int total, int matching) =>
        RenderInteractive<ChangeList>(p => p
            .Add(l => l.Changes, Saves)
            .Add(l => l.Query, query)
            .Add(l => l.PageNumber, pageNumber)
            .Add(l => l.PageCount, pageCount)
            .Add(l => l.TotalChanges, total)
            .Add(l => l.MatchingChanges, matching)
            .Add(l => l.QueryChanged, asked => _asked.Add(asked)));
}
