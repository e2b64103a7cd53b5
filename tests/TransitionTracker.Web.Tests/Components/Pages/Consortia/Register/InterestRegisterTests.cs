using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Transition;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Register;

/// <summary>A consortium's conflicts-of-interest register as served, entries declared through its use case; each test has its own database.</summary>
public sealed class InterestRegisterTests : IDisposable
{
    private const string Register = "/consortia/00G/register";
    private const string NewEntry = Register + "/new";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_declared_interest_is_listed_in_the_register_and_its_editors_arrive_ready_to_edit()
    {
        var manager = _factory.CreateClientFor(Manager);
        var id = await DeclareAsync("Dr A Patel, board GP", "Partner in a practice that holds a community dermatology contract", "14", "2", "2011", "Withdraws from decisions on dermatology services");

        var (_, page) = await HtmlPage.GetAsync(manager, Register);
        var (added, addPage) = await HtmlPage.GetAsync(manager, NewEntry);
        var (changed, changePage) = await HtmlPage.GetAsync(manager, $"{Register}/{id}");

        Assert.Equal("Conflicts of interest register", page.QuerySelector("h1")!.Text());
        var row = Entries(page).Single(r => r.QuerySelector("td")!.Text() == "Dr A Patel, board GP");
        Assert.Equal(
            ["Dr A Patel, board GP", "Partner in a practice that holds a community dermatology contract", "14 February 2011", "Withdraws from decisions on dermatology services"],
            row.QuerySelectorAll("td").Take(4).Select(c => c.Text()));
        Assert.Equal($"{Register}/{id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (added.StatusCode, changed.StatusCode));
        Assert.Equal("Add a declared interest", addPage.QuerySelector("h1")!.Text());
        Assert.Equal("Change a declared interest", changePage.QuerySelector("h1")!.Text());
        Assert.Equal("Dr A Patel, board GP", changePage.QuerySelector("#person")!.GetAttribute("value"));
        Assert.Equal("14/02/2011", changePage.QuerySelector(".mud-picker input")!.GetAttribute("value"));
        Assert.All(new[] { addPage, changePage }, p =>
        {
            Assert.Null(p.QuerySelector("main form[method=post]"));
            Assert.Equal("false", p.QuerySelector("[data-live]")!.GetAttribute("data-live"));
        });
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Register}/{id + 1000}")).StatusCode);
    }

    [Fact]
    public async Task A_regional_lead_reads_the_register_but_cannot_add_to_it()
    {
        await DeclareAsync("Dr D Evans", "Shareholder in a diagnostics provider", "1", "2", "2011", "Excluded from diagnostics decisions");
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
        await DeclareAsync("Dr E Zephyr", "Director of a pharmacy chain", "1", "3", "2011", "Excluded from pharmacy decisions");
        await DeclareAsync("Dr F Abbott", "Trustee of a hospice", "2", "3", "2011", "Declared at each board meeting");

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

    /// <summary>Declares an interest as the editor does, through the register's use case.</summary>
    private async Task<int> DeclareAsync(string person, string interest, string day, string month, string year, string management)
    {
        var user = await DemoUsers.ActingAsync(_factory, Manager);
        await using var scope = _factory.Services.CreateAsyncScope();
        var form = new DeclaredInterestForm { Person = person, Interest = interest, DeclaredDay = day, DeclaredMonth = month, DeclaredYear = year, Management = management };
        var outcome = await scope.ServiceProvider.GetRequiredService<InterestRegister>().AddAsync(user, "00G", form, CancellationToken.None);
        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome.SavedId!.Value;
    }
}
