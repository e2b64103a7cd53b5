using Bunit;
using TransitionTracker.Application.Transition;
using TransitionTracker.Web.Components.Pages.Consortia.Register;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Register;

public sealed class InterestTableTests : MudComponentContext
{
    private static readonly InterestRow[] Entries =
    [
        new(7, "Dr A Patel, board GP", "Partner in a practice with a dermatology contract", new DateOnly(2011, 2, 14), "Withdraws from dermatology decisions"),
        new(3, "Mr C Singh", "Spouse works for the acute trust", new DateOnly(2011, 1, 3), "Declared at each board meeting"),
    ];

    private readonly List<InterestRegisterQuery> _asked = [];

    [Fact]
    public void Renders_a_row_per_entry_with_change_links_for_editors_only()
    {
        var editable = Render(new InterestRegisterQuery(), changeLinks: true);
        var readOnly = Render(new InterestRegisterQuery(), changeLinks: false);

        var rows = editable.FindAll("tbody tr");
        Assert.Equal(
            ["Dr A Patel, board GP", "Partner in a practice with a dermatology contract", "14 February 2011", "Withdraws from dermatology decisions"],
            rows[0].QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()));
        Assert.Equal("/consortia/00G/register/7", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Change the interest declared by Mr C Singh", rows[1].QuerySelector("a")!.TextContent);
        Assert.Empty(readOnly.FindAll("tbody a"));
        Assert.Contains("2 entries; page 1 of 1", editable.Find("[role=status]").TextContent);
    }

    [Fact]
    public void Sorting_by_person_asks_for_that_sort_a_to_z_from_the_first_page()
    {
        var table = Render(new InterestRegisterQuery(Search: "dr", Page: 2));

        table.FindAll("th").Single(th => th.TextContent.Contains("Person")).QuerySelector(".sortable-column-header")!.Click();

        Assert.Equal(new InterestRegisterQuery(Search: "dr", Sort: "person", Descending: false), Assert.Single(_asked));
    }

    [Fact]
    public void Choosing_a_page_asks_for_it_and_keeps_the_search_and_sort()
    {
        var query = new InterestRegisterQuery(Search: "board", Sort: "person", Descending: true);
        var table = Render(query, pageCount: 3);

        table.Find("nav[aria-label='Pages of the register'] button[aria-label='Page 2']").Click();

        Assert.Equal(query with { Page = 2 }, Assert.Single(_asked));
    }

    [Fact]
    public void A_search_asks_for_the_first_page_of_what_matches()
    {
        var table = Render(new InterestRegisterQuery(Page: 2), pageCount: 2);

        table.Find("input").Input("  acute ");

        table.WaitForAssertion(() => Assert.Equal(new InterestRegisterQuery(Search: "acute"), Assert.Single(_asked)));
    }

    [Fact]
    public void The_export_links_download_the_entries_the_search_and_sort_find()
    {
        var table = Render(new InterestRegisterQuery(Search: "board", Sort: "person", Descending: false, Page: 2), pageCount: 2);

        Assert.Equal("/consortia/00G/register.csv?q=board&sort=person", table.Find("#export-register").GetAttribute("href"));
        Assert.Equal("/consortia/00G/register.xlsx?q=board&sort=person", table.Find("#export-register-xlsx").GetAttribute("href"));
    }

    private IRenderedComponent<InterestTable> Render(InterestRegisterQuery query, bool changeLinks = true, int pageCount = 1) =>
        RenderInteractive<InterestTable>(p => p
            .Add(t => t.Table, new InterestRows(Entries, Math.Min(query.Page, pageCount), pageCount, Entries.Length, Entries.Length))
            .Add(t => t.Query, query)
            .Add(t => t.ConsortiumCode, "00G")
            .Add(t => t.ShowChangeLinks, changeLinks)
            .Add(t => t.QueryChanged, asked => _asked.Add(asked)));
}
