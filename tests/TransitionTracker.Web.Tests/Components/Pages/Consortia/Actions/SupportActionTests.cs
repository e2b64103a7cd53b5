using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Actions;

/// <summary>Support actions through the real forms, antiforgery tokens included; each test has its own database.</summary>
public sealed class SupportActionTests : IDisposable
{
    private const string Actions = "/consortia/00G/actions";
    private const string NewAction = "/consortia/00G/actions/new";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    private readonly ClockedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Adding_an_action_through_the_form_lists_it_for_the_consortium()
    {
        var manager = _factory.CreateClientFor(Manager);
        var criterion = await ActionForms.CriterionNotMetAsync(_factory, "00G");

        var response = await ActionForms.AddAsync(manager, "00g",
            ActionForms.Fields(criterion, "  Agree a conflicts of interest policy with the member practices ", " PCT governance lead ", "31", "3", "2011"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Actions + "?done=added", response.Headers.Location!.PathAndQuery);
        var (_, page) = await HtmlPage.GetAsync(manager, Actions + "?done=added");
        Assert.Equal("Support actions", page.QuerySelector("h1")!.Text());
        Assert.Contains("Support action added", page.QuerySelector(".app-done-banner")!.Text());
        var cells = RowFor(page, "Agree a conflicts of interest policy with the member practices").QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.StartsWith(criterion, cells[0]);
        Assert.Equal("Agree a conflicts of interest policy with the member practices", cells[1]);
        Assert.Equal("PCT governance lead", cells[2]);
        Assert.Equal("31 March 2011", cells[3]);
        Assert.Equal("Not started", cells[4]);
        Assert.NotNull(page.QuerySelector($"a[href='{NewAction}']"));

        var stored = Assert.Single(await StoredAsync(), a => a.Description == "Agree a conflicts of interest policy with the member practices");
        Assert.Equal(("00G", criterion, new DateOnly(2011, 3, 31), SupportActionStatus.NotStarted, Manager), (stored.ConsortiumCode, stored.CriterionId, stored.DueOn, stored.Status, stored.CreatedBy));
    }

    [Fact]
    public async Task A_criterion_in_the_address_is_chosen_already()
    {
        var manager = _factory.CreateClientFor(Manager);

        var (_, linked) = await HtmlPage.GetAsync(manager, NewAction + "?criterion=GOV-02");
        var (_, unknown) = await HtmlPage.GetAsync(manager, NewAction + "?criterion=NOPE-01");

        Assert.Equal("GOV-02", ((IHtmlSelectElement)linked.QuerySelector("#criterion")!).Value);
        Assert.Equal("", ((IHtmlSelectElement)unknown.QuerySelector("#criterion")!).Value);
    }

    public static TheoryData<string, string, string, string, string, string, string[], string[]> InvalidForms() => new()
    {
        { "GOV-02", "Run a board development session", "PCT OD lead", "31", "2", "2011", ["Due date must be a real date"], ["#due-date-day"] },
        { "GOV-02", "   ", "PCT OD lead", "1", "4", "2011", ["Enter a description of the action"], ["#description"] },
        { "GOV-02", new string('x', SupportAction.DescriptionMaxLength + 1), "PCT OD lead", "1", "4", "2011", ["Description must be 500 characters or fewer"], ["#description"] },
        { "XYZ-99", "Run a board development session", "PCT OD lead", "1", "4", "2011", ["Select a criterion from the list"], ["#criterion"] },
        { "GOV-02", "Run a board development session", "PCT OD lead", "1", "", "", ["Due date must include a month and year"], ["#due-date-month"] },
        { "GOV-02", "Run a board development session", "PCT OD lead", "1", "4", "11", ["Year must include 4 numbers"], ["#due-date-year"] },
        {
            "", "", "", "", "", "",
            ["Select the criterion this action supports", "Enter a description of the action", "Enter who owns the action", "Enter the due date"],
            ["#criterion", "#description", "#owner", "#due-date-day"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task A_form_with_problems_lists_each_in_the_summary_keeps_every_value_and_saves_nothing(
        string criterion, string description, string owner, string day, string month, string year, string[] errors, string[] links)
    {
        var manager = _factory.CreateClientFor(Manager);
        var before = (await StoredAsync()).Count;

        var response = await ActionForms.AddAsync(manager, "00G", ActionForms.Fields(criterion, description, owner, day, month, year));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(errors, ActionForms.SummaryErrors(page));
        Assert.Equal(links, page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.All(links, link => Assert.NotNull(page.QuerySelector(link)));
        Assert.Equal(description, ((IHtmlTextAreaElement)page.QuerySelector("#description")!).Value);
        Assert.Equal(owner, page.QuerySelector("#owner")!.GetAttribute("value") ?? "");
        Assert.Equal(day, page.QuerySelector("#due-date-day")!.GetAttribute("value") ?? "");
        Assert.Equal(month, page.QuerySelector("#due-date-month")!.GetAttribute("value") ?? "");
        Assert.Equal(year, page.QuerySelector("#due-date-year")!.GetAttribute("value") ?? "");
        if (criterion == "GOV-02")
        {
            Assert.Equal(criterion, ((IHtmlSelectElement)page.QuerySelector("#criterion")!).Value);
        }

        Assert.Equal(before, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task An_action_due_before_today_and_not_done_is_flagged_overdue_and_listed_first()
    {
        var manager = _factory.CreateClientFor(Manager);
        var criterion = await ActionForms.CriterionNotMetAsync(_factory, "00G");
        await ActionForms.AddAndFindAsync(manager, "00G", "Due next month", "20", "4", "2011", criterion);
        await ActionForms.AddAndFindAsync(manager, "00G", "Due today", "15", "3", "2011", criterion);
        await ActionForms.AddAndFindAsync(manager, "00G", "Due yesterday", "14", "3", "2011", criterion);
        var done = await ActionForms.AddAndFindAsync(manager, "00G", "Done last month", "1", "2", "2011", criterion);
        await ChangeAsync(manager, done, new() { ["Input.Status"] = "Done" });

        var (_, page) = await HtmlPage.GetAsync(manager, Actions);

        // The demo history's actions fall due years after this test's today, so only ours can be overdue.
        string[] ours = ["Due yesterday", "Due today", "Due next month", "Done last month"];
        var rows = Rows(page);
        Assert.Equal(ours, rows.Select(r => r.QuerySelectorAll("td")[1].Text()).Where(ours.Contains));
        Assert.Equal("Due yesterday", rows[0].QuerySelectorAll("td")[1].Text());
        Assert.Equal(["Overdue"], rows[0].QuerySelectorAll(".app-tag-overdue").Select(t => t.Text()));
        Assert.Equal("14 March 2011 Overdue", rows[0].QuerySelectorAll("td")[3].Text());
        Assert.All(rows.Skip(1), r => Assert.Null(r.QuerySelector(".app-tag-overdue")));
        Assert.Contains("1 action is overdue", page.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task Changing_an_action_saves_every_field_including_its_status()
    {
        var manager = _factory.CreateClientFor(Manager);
        var id = await ActionForms.AddAndFindAsync(manager, "00G", "Draft the commissioning intentions");

        var (_, edit) = await HtmlPage.GetAsync(manager, $"{Actions}/{id}");
        Assert.Equal("Draft the commissioning intentions", ((IHtmlTextAreaElement)edit.QuerySelector("#description")!).Value);
        Assert.Equal("NotStarted", edit.QuerySelector("input[name='Input.Status'][checked]")!.GetAttribute("value"));

        var response = await ChangeAsync(manager, id, new()
        {
            ["Input.Criterion"] = "GOV-01",
            ["Input.Description"] = "Publish the commissioning intentions",
            ["Input.Owner"] = "Consortium board",
            ["Input.DueDay"] = "30",
            ["Input.DueMonth"] = "6",
            ["Input.Status"] = "InProgress",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Actions + "?done=changed", response.Headers.Location!.PathAndQuery);
        var (_, page) = await HtmlPage.GetAsync(manager, Actions + "?done=changed");
        Assert.Contains("Support action changed", page.QuerySelector(".app-done-banner")!.Text());
        var cells = RowFor(page, "Publish the commissioning intentions").QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.StartsWith("GOV-01", cells[0]);
        Assert.Equal(["Publish the commissioning intentions", "Consortium board", "30 June 2011", "In progress"], cells[1..5]);
        Assert.Equal(1, (await StoredAsync()).Single(a => a.Id == id).Revision);
    }

    [Fact]
    public async Task When_two_people_change_the_same_action_the_second_is_told_who_changed_what_and_keeps_their_input()
    {
        var first = _factory.CreateClientFor(Manager);
        var second = await ActionForms.SecondManagerOf5D7Async(_factory);
        var id = await ActionForms.AddAndFindAsync(first, "00G", "Set up shared back-office services");
        var url = $"{Actions}/{id}";
        var (_, firstPage) = await HtmlPage.GetAsync(first, url);
        var (_, secondPage) = await HtmlPage.GetAsync(second, url);

        var saved = await ActionForms.PostFromAsync(first, firstPage, url, new Dictionary<string, string>
        {
            ["Input.Description"] = "Agree shared back-office services with 00H",
            ["Input.Status"] = "InProgress",
        });
        var refused = await ActionForms.PostFromAsync(second, secondPage, url, new Dictionary<string, string>
        {
            ["Input.Description"] = "Buy back-office services from the commissioning support unit",
            ["Input.Owner"] = "Finance lead",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await HtmlPage.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal(["Someone else changed this support action while you were editing it"], ActionForms.SummaryErrors(page));
        Assert.Equal("#conflict", page.QuerySelector(".nhsuk-error-summary__list a")!.GetAttribute("href"));
        var conflict = page.QuerySelector("#conflict")!;
        Assert.Contains($"{Manager} changed this support action on 15 Mar 2011, 09:30 (UK time)", conflict.Text());
        Assert.Equal(
            ["Description: Set up shared back-office services → Agree shared back-office services with 00H", "Status: Not started → In progress"],
            conflict.QuerySelectorAll("li").Select(li => li.Text()));
        Assert.Equal("Buy back-office services from the commissioning support unit", ((IHtmlTextAreaElement)page.QuerySelector("#description")!).Value);
        Assert.Equal("Finance lead", page.QuerySelector("#owner")!.GetAttribute("value"));
        Assert.Equal("NotStarted", page.QuerySelector("input[name='Input.Status'][checked]")!.GetAttribute("value"));

        var stored = (await StoredAsync()).Single(a => a.Id == id);
        Assert.Equal(
            ("Agree shared back-office services with 00H", "PCT development lead", SupportActionStatus.InProgress, 1),
            (stored.Description, stored.Owner, stored.Status, stored.Revision));

        // Having seen their change, saving again is a deliberate choice, and goes through.
        var again = await ActionForms.PostFromAsync(second, page, url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = (await StoredAsync()).Single(a => a.Id == id);
        Assert.Equal(("Buy back-office services from the commissioning support unit", "Finance lead", 2), (stored.Description, stored.Owner, stored.Revision));
    }

    [Fact]
    public async Task A_consortium_lead_reads_the_actions_but_cannot_add_or_change_them()
    {
        var manager = _factory.CreateClientFor(Manager);
        var id = await ActionForms.AddAndFindAsync(manager, "00G", "Hold a practice engagement event");
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (response, page) = await HtmlPage.GetAsync(lead, Actions);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(RowFor(page, "Hold a practice engagement event").QuerySelector("a"));
        Assert.All(Rows(page), r => Assert.Null(r.QuerySelector("a")));
        Assert.Null(page.QuerySelector($"a[href='{NewAction}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(NewAction)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"{Actions}/{id}")).StatusCode);
        var posted = await lead.PostAsync(NewAction, new FormUrlEncodedContent(ActionForms.Fields("GOV-02", "Sneaked in", "Lead", "1", "4", "2011")));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.DoesNotContain(await StoredAsync(), a => a.Description == "Sneaked in");
    }

    [Fact]
    public async Task An_action_of_another_consortium_or_an_unknown_id_is_not_found()
    {
        var manager = _factory.CreateClientFor(Manager);
        var elsewhere = await ActionForms.AddAndFindAsync(manager, "00H", "Action of the west consortium");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/consortia/00H/actions/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Actions}/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Actions}/{elsewhere + 1000}")).StatusCode);
        var (_, page) = await HtmlPage.GetAsync(manager, Actions);
        Assert.DoesNotContain(Rows(page), r => r.Text().Contains("Action of the west consortium", StringComparison.Ordinal));
    }

    private static IReadOnlyList<IElement> Rows(IDocument page) =>
        page.QuerySelectorAll("table").SingleOrDefault(t => t.QuerySelector("caption")?.Text().StartsWith("Support actions for", StringComparison.Ordinal) == true)
            ?.QuerySelectorAll("tbody tr").ToList() ?? [];

    private static IElement RowFor(IDocument page, string description) =>
        Assert.Single(Rows(page), r => r.QuerySelectorAll("td")[1].Text() == description);

    private async Task<HttpResponseMessage> ChangeAsync(HttpClient client, int id, Dictionary<string, string> changes) =>
        await FormPost.SubmitAsync(client, $"{Actions}/{id}", ActionForms.FormName, changes);

    private async Task<List<SupportAction>> StoredAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.SupportActions.AsNoTracking().Where(a => a.ConsortiumCode == "00G").ToListAsync();
    }
}
