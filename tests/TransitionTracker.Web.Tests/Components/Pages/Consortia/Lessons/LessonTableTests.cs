using Bunit;
using Microsoft.AspNetCore.Components;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Web.Components.Pages.Consortia.Lessons;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Lessons;

public sealed class LessonTableTests : MudComponentContext
{
    private static readonly LessonRow[] Lessons =
    [
        new(2, "governance", "Agreeing the policy", "Every practice meeting.\nEvery practice signed.", "lead@example.nhs.uk", new DateTime(2011, 3, 1, 10, 0, 0, DateTimeKind.Utc)),
        new(1, "workforce", "Keeping the PEC chair", "Invite the chair early.", "manager@example.nhs.uk", new DateTime(2011, 2, 1, 10, 0, 0, DateTimeKind.Utc)),
    ];

    private readonly List<LessonListQuery> _asked = [];

    [Fact]
    public void Renders_each_lesson_with_its_paragraphs_domain_writer_and_date()
    {
        var table = Render(new LessonListQuery(Domain: "governance"));

        var row = table.FindAll("tbody tr")[0];
        Assert.Equal("Agreeing the policy", row.QuerySelector(".app-lesson-title")!.TextContent);
        Assert.Equal(["Every practice meeting.", "Every practice signed."], row.QuerySelectorAll(".app-lesson-text").Select(p => p.TextContent));
        Assert.Equal("Governance and accountability", row.QuerySelector(".app-domain-tag")!.TextContent.Trim());
        Assert.Equal("lead@example.nhs.uk", row.QuerySelector("td[data-label='Written by']")!.TextContent.Trim());
        Assert.Contains("2 of 2 lessons match", table.Find("[role=status]").TextContent);
    }

    [Fact]
    public void Sorting_by_title_asks_for_that_sort_a_to_z_from_the_first_page()
    {
        var table = Render(new LessonListQuery(Page: 2), pageCount: 2);

        table.FindAll("th").Single(th => th.TextContent.Contains("Lesson")).QuerySelector(".sortable-column-header")!.Click();

        Assert.Equal(new LessonListQuery(Sort: "title", Descending: false), Assert.Single(_asked));
    }

    [Fact]
    public void Choosing_a_page_asks_for_it_and_keeps_the_search_domain_and_sort()
    {
        var query = new LessonListQuery(Search: "chair", Domain: "workforce", Sort: "author", Descending: false);
        var table = Render(query, pageCount: 3);

        table.Find("nav[aria-label='Pages of lessons'] button[aria-label='Page 3']").Click();

        Assert.Equal(query with { Page = 3 }, Assert.Single(_asked));
    }

    [Fact]
    public async Task Choosing_a_domain_or_every_domain_asks_for_the_first_page_of_those_lessons()
    {
        var query = new LessonListQuery(Search: "chair", Domain: "workforce", Page: 2);
        var table = Render(query, pageCount: 2);

        Assert.Equal("Domain", table.Find("label[for=domain-filter]").TextContent);
        Assert.Equal("workforce", table.Find("#domain-filter").GetAttribute("value"));
        Assert.Equal("Every domain", table.Find("#domain-filter option").TextContent);
        Assert.Contains(table.FindAll("#domain-filter option"), o => o.GetAttribute("value") == "governance" && o.TextContent == "Governance and accountability");
        await table.Find("#domain-filter").ChangeAsync(new ChangeEventArgs { Value = "governance" });
        await table.Find("#domain-filter").ChangeAsync(new ChangeEventArgs { Value = "" });

        Assert.Equal([query with { Domain = "governance", Page = 1 }, query with { Domain = null, Page = 1 }], _asked);
    }

    [Fact]
    public void A_search_asks_for_the_first_page_of_what_matches()
    {
        var table = Render(new LessonListQuery(Domain: "workforce", Page: 2), pageCount: 2);

        table.Find("input").Input(" chair  ");

        table.WaitForAssertion(() => Assert.Equal(new LessonListQuery(Search: "chair", Domain: "workforce"), Assert.Single(_asked)));
    }

    [Fact]
    public void The_export_links_download_every_lesson_the_search_domain_and_sort_find_as_csv_and_excel()
    {
        var table = Render(new LessonListQuery(Search: "chair & co", Domain: "workforce", Sort: "author", Descending: false, Page: 2), pageCount: 2);

        Assert.Equal("/consortia/00G/lessons.csv?q=chair%20%26%20co&domain=workforce&sort=author", table.Find("#export-lessons").GetAttribute("href"));
        Assert.Equal("/consortia/00G/lessons.xlsx?q=chair%20%26%20co&domain=workforce&sort=author", table.Find("#export-lessons-xlsx").GetAttribute("href"));
        Assert.Contains("these 2 lessons", table.Find("[data-export=export-lessons]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<LessonTable> Render(LessonListQuery query, int pageCount = 1) =>
        RenderInteractive<LessonTable>(p => p
            .Add(t => t.Table, new LessonRows(Lessons, Math.Min(query.Page, pageCount), pageCount, Lessons.Length, Lessons.Length))
            .Add(t => t.Query, query)
            .Add(t => t.ConsortiumCode, "00G")
            .Add(t => t.QueryChanged, asked => _asked.Add(asked)));
}
