using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Register;

/// <summary>A consortium's conflicts-of-interest register through the real forms; each test has its own database.</summary>
public sealed class InterestRegisterTests : IDisposable
{
    private const string Register = "/consortia/00G/register";
    private const string NewEntry = Register + "/new";
    private const string FormName = "declared-interest";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Declaring_an_interest_lists_it_in_the_register_and_records_the_change_in_the_audit_trail()
    {
        var manager = _factory.CreateClientFor(Manager);

        var response = await FormPost.SubmitAsync(manager, NewEntry, FormName,
            Entry(" Dr A Patel, board GP ", "Partner in a practice that holds a community dermatology contract", "14", "2", "2011", "Withdraws from decisions on dermatology services"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Register + "?done=added", PlanForms.RedirectTarget(response));
        var (_, page) = await HtmlPage.GetAsync(manager, Register + "?done=added");
        Assert.Equal("Conflicts of interest register", page.QuerySelector("h1")!.Text());
        Assert.Contains("Declared interest added", page.QuerySelector(".app-done-banner")!.Text());
        var row = Entries(page).Single(r => r.QuerySelector("td")!.Text() == "Dr A Patel, board GP");
        Assert.Equal(
            ["Dr A Patel, board GP", "Partner in a practice that holds a community dermatology contract", "14 February 2011", "Withdraws from decisions on dermatology services"],
            row.QuerySelectorAll("td").Take(4).Select(c => c.Text()));

        var stored = Assert.Single(await PlanForms.StoredAsync<DeclaredInterest>(_factory), i => i.Person == "Dr A Patel, board GP");
        Assert.Equal(("00G", new DateOnly(2011, 2, 14)), (stored.ConsortiumCode, stored.DeclaredOn));
        var audit = Assert.Single(await PlanForms.AuditedAsync(_factory, nameof(DeclaredInterest)));
        Assert.Equal((Manager, "Added", "00G"), (audit.Actor, audit.Action, audit.ConsortiumCode));
    }

    public static TheoryData<string, string, string, string, string, string, string[], string[]> InvalidEntries()
    {
        var nextYear = (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        return new()
        {
            {
                "", " ", "", "", "", "",
                [
                    "Enter the name of the person declaring the interest", "Enter the interest declared", "Enter the date declared",
                    "Enter how the conflict is managed",
                ],
                ["#person", "#interest", "#declared-date-day", "#management"]
            },
            { "Dr B Jones", "Director of a local social enterprise", "1", "1", nextYear, "Excluded from procurement panels", ["Date declared must be today or in the past"], ["#declared-date-day"] },
            { "Dr B Jones", "Director of a local social enterprise", "29", "2", "2011", "Excluded from procurement panels", ["Date declared must be a real date"], ["#declared-date-day"] },
            { "Dr B Jones", new string('x', DeclaredInterest.TextMaxLength + 1), "1", "3", "2011", "Excluded from procurement panels", ["Interest must be 1,000 characters or fewer"], ["#interest"] },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public async Task An_entry_with_problems_names_each_in_the_summary_keeps_every_value_and_saves_nothing(
        string person, string interest, string day, string month, string year, string management, string[] errors, string[] links)
    {
        var manager = _factory.CreateClientFor(Manager);

        var response = await FormPost.SubmitAsync(manager, NewEntry, FormName, Entry(person, interest, day, month, year, management));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PlanForms.PageOf(response);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(errors, PlanForms.SummaryErrors(page));
        Assert.Equal(links, PlanForms.SummaryLinks(page));
        Assert.All(links, link => Assert.NotNull(page.QuerySelector(link)));
        Assert.Equal(
            [person, interest, day, month, year, management],
            new[] { "Input.Person", "Input.Interest", "Input.DeclaredDay", "Input.DeclaredMonth", "Input.DeclaredYear", "Input.Management" }.Select(n => PlanForms.Shown(page, n)));
        Assert.Empty(await PlanForms.AuditedAsync(_factory, nameof(DeclaredInterest)));
    }

    [Fact]
    public async Task Changing_an_entry_saves_it_and_a_change_from_a_stale_page_is_refused_with_the_input_kept()
    {
        var manager = _factory.CreateClientFor(Manager);
        await FormPost.SubmitAsync(manager, NewEntry, FormName, Entry("Mr C Singh, practice manager", "Spouse works for the acute trust", "3", "1", "2011", "Declared at each board meeting"));
        var id = await PlanForms.ChangeLinkIdAsync(manager, Register, "Mr C Singh, practice manager");
        var url = $"{Register}/{id}";
        var (_, staleTab) = await HtmlPage.GetAsync(manager, url);
        Assert.Equal("Spouse works for the acute trust", PlanForms.Shown(staleTab, "Input.Interest"));

        var changed = await FormPost.SubmitAsync(manager, url, FormName, new Dictionary<string, string> { ["Input.Management"] = "Leaves the room for acute contract decisions" });
        var refused = await PlanForms.PostFromAsync(manager, staleTab, url, FormName, new Dictionary<string, string> { ["Input.Management"] = "No action needed" });

        Assert.Equal(Register + "?done=changed", PlanForms.RedirectTarget(changed));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await PlanForms.PageOf(refused);
        Assert.Equal(["Someone else changed this entry while you were editing it"], PlanForms.SummaryErrors(page));
        Assert.Equal("No action needed", PlanForms.Shown(page, "Input.Management"));
        var stored = Assert.Single(await PlanForms.StoredAsync<DeclaredInterest>(_factory), i => i.Id == id);
        Assert.Equal(("Leaves the room for acute contract decisions", 1), (stored.Management, stored.Revision));
        Assert.Equal(["Added", "Modified"], (await PlanForms.AuditedAsync(_factory, nameof(DeclaredInterest))).Select(a => a.Action));
    }

    [Fact]
    public async Task A_regional_lead_reads_the_register_but_cannot_add_to_it()
    {
        var manager = _factory.CreateClientFor(Manager);
        await FormPost.SubmitAsync(manager, NewEntry, FormName, Entry("Dr D Evans", "Shareholder in a diagnostics provider", "1", "2", "2011", "Excluded from diagnostics decisions"));
        var regional = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var (response, page) = await HtmlPage.GetAsync(regional, Register);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Entries(page).Single(r => r.QuerySelector("td")!.Text() == "Dr D Evans");
        Assert.Null(row.QuerySelector("a"));
        Assert.Null(page.QuerySelector($"a[href='{NewEntry}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await regional.GetAsync(NewEntry)).StatusCode);
    }

    [Fact]
    public async Task The_search_and_sort_in_the_address_are_applied_before_the_page_arrives_and_unusable_values_are_noted()
    {
        var manager = _factory.CreateClientFor(Manager);
        await FormPost.SubmitAsync(manager, NewEntry, FormName, Entry("Dr E Zephyr", "Director of a pharmacy chain", "1", "3", "2011", "Excluded from pharmacy decisions"));
        await FormPost.SubmitAsync(manager, NewEntry, FormName, Entry("Dr F Abbott", "Trustee of a hospice", "2", "3", "2011", "Declared at each board meeting"));

        var (_, searched) = await HtmlPage.GetAsync(manager, Register + "?q=PHARMACY");
        var (_, byPerson) = await HtmlPage.GetAsync(manager, Register + "?sort=person&dir=desc");
        var (response, odd) = await HtmlPage.GetAsync(manager, Register + "?sort=shoe-size&page=two");

        Assert.Equal(["Dr E Zephyr"], Entries(searched).Select(r => r.QuerySelector("td")!.Text()));
        Assert.Equal("Search by person, interest or how it is managed", searched.QuerySelector(".app-grid-search label")?.Text());
        Assert.Equal("PHARMACY", searched.QuerySelector(".app-grid-search input")!.GetAttribute("value"));
        var people = Entries(byPerson).Select(r => r.QuerySelector("td")!.Text()).ToList();
        Assert.Contains("Dr E Zephyr", people);
        Assert.Equal(people.OrderByDescending(p => p.ToUpperInvariant(), StringComparer.Ordinal), people);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["“shoe-size” is not a column to sort by, so the register is sorted by date declared.", "“two” is not a page number, so the first page is shown."],
            odd.QuerySelectorAll(".app-query-note").Select(n => n.Text().Trim()));
        var newestFirst = Entries(odd).Select(r => r.QuerySelector("td")!.Text()).ToList();
        Assert.True(newestFirst.IndexOf("Dr F Abbott") is >= 0 and var abbott && abbott < newestFirst.IndexOf("Dr E Zephyr"), string.Join(" / ", newestFirst));
    }

    private static IEnumerable<IElement> Entries(IDocument page) => page.QuerySelectorAll(".app-register-grid tbody tr");

    private static Dictionary<string, string> Entry(string person, string interest, string day, string month, string year, string management) => new()
    {
        ["Input.Person"] = person,
        ["Input.Interest"] = interest,
        ["Input.DeclaredDay"] = day,
        ["Input.DeclaredMonth"] = month,
        ["Input.DeclaredYear"] = year,
        ["Input.Management"] = management,
    };
}
