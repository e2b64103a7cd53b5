using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Web.Tests.Infrastructure;
using TransitionTracker.Web.Tests.SupportActions;

namespace TransitionTracker.Web.Tests.Changes;

/// <summary>A consortium's audit trail as people read it; each test has its own database.</summary>
public sealed class ChangesPageTests : IDisposable
{
    private const string Changes = "/consortia/00G/changes";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    private readonly ClockedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Each_change_shows_when_who_what_and_every_field_from_old_to_new_value_newest_first()
    {
        var manager = _factory.CreateClientFor(Manager);
        var id = await ActionForms.AddAndFindAsync(manager, "00G", "Agree the transitional plan with the PCT");
        _factory.Clock.Advance(TimeSpan.FromMinutes(45));
        var changed = await FormPost.SubmitAsync(manager, $"/consortia/00G/actions/{id}", ActionForms.FormName, new Dictionary<string, string>
        {
            ["Input.Owner"] = "Consortium accountable officer",
            ["Input.Status"] = "InProgress",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (response, page) = await HtmlPage.GetAsync(lead, Changes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(page);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["10:15 on 15 March 2011", Manager, "Support action changed"], Cells(rows[0])[..3]);
        Assert.Equal(
            ["Criterion: GOV-02", "Owner: PCT development lead → Consortium accountable officer", "Status: Not started → In progress"],
            Fields(rows[0]).Order(StringComparer.Ordinal));
        Assert.Equal(["09:30 on 15 March 2011", Manager, "Support action added"], Cells(rows[1])[..3]);
        var added = Fields(rows[1]);
        Assert.Contains("Description: (empty) → Agree the transitional plan with the PCT", added);
        Assert.Contains("Due date: (empty) → 31 March 2011", added);
        Assert.Contains("Status: (empty) → Not started", added);
        Assert.Contains($"Created by: (empty) → {Manager}", added);
        Assert.DoesNotContain(added.Concat(Fields(rows[0])), f => f.StartsWith("Revision", StringComparison.Ordinal) || f.StartsWith("Consortium", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changes_are_paged_25_at_a_time_newest_first_with_nothing_from_other_consortia()
    {
        await AddDirectlyAsync("00G", 30);
        await AddDirectlyAsync("00H", 3);
        var manager = _factory.CreateClientFor(Manager);

        var (_, first) = await HtmlPage.GetAsync(manager, Changes);
        var (_, second) = await HtmlPage.GetAsync(manager, Changes + "?page=2");

        Assert.Equal(Enumerable.Range(6, 25).Reverse().Select(n => $"00G action {n}"), Rows(first).Select(DescriptionOf));
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(n => $"00G action {n}"), Rows(second).Select(DescriptionOf));
        Assert.Contains("Showing 1 to 25 of 30.", first.QuerySelector("main")!.Text());
        Assert.Equal(Changes + "?page=2", first.QuerySelector(".nhsuk-pagination__next")!.GetAttribute("href"));
        Assert.Equal(Changes, second.QuerySelector(".nhsuk-pagination__previous")!.GetAttribute("href"));
        Assert.Equal("2", second.QuerySelector("[aria-current=page]")!.Text());
        Assert.DoesNotContain("00H action", first.Body!.Text() + second.Body!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Changes + "?page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Changes + "?page=two")).StatusCode);
    }

    [Fact]
    public async Task A_consortium_without_changes_says_so()
    {
        var manager = _factory.CreateClientFor(Manager);

        var (response, page) = await HtmlPage.GetAsync(manager, Changes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No changes recorded yet.", page.QuerySelector("main")!.Text());
        Assert.Empty(Rows(page));
    }

    // Arranges many changes quickly: one save (so one audit entry) per action, a minute apart, as a signed-in user would make them.
    private async Task AddDirectlyAsync(string consortiumCode, int count)
    {
        for (var n = 1; n <= count; n++)
        {
            using var scope = _factory.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = Manager;
            var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
            db.SupportActions.Add(new SupportAction(consortiumCode, "GOV-02", $"{consortiumCode} action {n}", "Owner", new DateOnly(2011, 4, 1), Manager, _factory.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private static IReadOnlyList<IElement> Rows(IDocument page) =>
        page.QuerySelectorAll("table").SingleOrDefault(t => t.QuerySelector("caption")?.Text().StartsWith("Changes to", StringComparison.Ordinal) == true)
            ?.QuerySelectorAll("tbody tr").ToList() ?? [];

    private static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(c => c.Text()).ToArray();

    private static IReadOnlyList<string> Fields(IElement row) => row.QuerySelectorAll("td li").Select(li => li.Text()).ToList();

    private static string DescriptionOf(IElement row) =>
        Fields(row).Single(f => f.StartsWith("Description: ", StringComparison.Ordinal))["Description: (empty) → ".Length..];
}
