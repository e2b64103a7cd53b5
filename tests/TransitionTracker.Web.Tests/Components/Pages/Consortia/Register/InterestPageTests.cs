using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Transition;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia.Register;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Register;

/// <summary>
/// The declared-interest editor live, on the app's real use case and database: what the register refuses is said
/// beside each field with every value kept and nothing saved, an entry is added or changed with a confirmation, an
/// entry changed by someone else meanwhile is shown with the user's entry kept, leaving unsaved asks first, and a
/// user who may no longer edit the register changes nothing.
/// </summary>
public sealed class InterestPageTests : MudComponentContext, IClassFixture<InterestPageTests.App>
{
    private const string Code = "00G";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly App _app;
    private readonly CurrentUser _user;

    public InterestPageTests(App app)
    {
        _app = app;
        _app.ResetAsync().GetAwaiter().GetResult();
        _user = UseApp(_app.Factory, _app.ActingAsync(App.Manager).GetAwaiter().GetResult());
    }

    public static TheoryData<string, string, string?, string, string[]> InvalidEntries() => new()
    {
        { "", " ", null, "", ["Enter the name of the person declaring the interest", "Enter the interest declared", "Enter the date declared", "Enter how the conflict is managed"] },
        { "Dr B Jones", new string('x', DeclaredInterest.TextMaxLength + 1), "01/03/2011", "Excluded from procurement panels", ["", "Interest must be 1,000 characters or fewer", "", ""] },
    };

    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public async Task An_entry_with_problems_is_refused_beside_each_field_keeps_every_value_and_saves_nothing(
        string person, string interest, string? declared, string management, string[] messages)
    {
        var page = RenderEditor();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-interest-editor").GetAttribute("data-live")), Patience);
        await TypeAsync(page, person, interest, declared, management);
        var audits = await _app.AuditCountAsync();

        await page.Find("#save-interest").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("#interest-problem"), Patience);
        Assert.Equal(messages, new[] { "person", "interest", "declared-date", "management" }.Select(f => ErrorShown(page, f)));
        Assert.Equal(person, Shown(page, "person"));
        Assert.Equal(interest, Shown(page, "interest"));
        Assert.Equal(management, Shown(page, "management"));
        Assert.Equal(declared ?? "", page.Find(".mud-picker input").GetAttribute("value") ?? "");
        Assert.Empty(await _app.EntriesAsync());
        Assert.Equal(audits, await _app.AuditCountAsync());
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task A_new_entry_is_added_with_a_confirmation_and_audited()
    {
        var page = RenderEditor();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-interest-editor").GetAttribute("data-live")), Patience);
        await TypeAsync(page, " Dr A Patel, board GP ", "Partner in a practice that holds a community dermatology contract", "14/02/2011", "Withdraws from decisions on dermatology services");

        await page.Find("#save-interest").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Declared interest added: Dr A Patel, board GP", Assert.Single(Snackbars.ShownSnackbars).Message, StringComparison.Ordinal), Patience);
        var stored = Assert.Single(await _app.EntriesAsync());
        Assert.Equal(("Dr A Patel, board GP", new DateOnly(2011, 2, 14), "Withdraws from decisions on dermatology services"), (stored.Person, stored.DeclaredOn, stored.Management));
        Assert.EndsWith("/consortia/00G/register", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        var audit = (await _app.AuditsAsync()).Last();
        Assert.Equal((App.Manager, "Added", Code), (audit.Actor, audit.Action, audit.ConsortiumCode));
    }

    [Fact]
    public async Task Changing_an_entry_shows_it_as_stored_and_saves_the_change()
    {
        var id = await _app.DeclareAsync("Mr C Singh, practice manager", "Declared at each board meeting");
        var page = RenderEditor(id);
        page.WaitForAssertion(() => Assert.Equal("Mr C Singh, practice manager", Shown(page, "person")), Patience);
        Assert.Equal("03/01/2011", page.Find(".mud-picker input").GetAttribute("value"));

        await page.Find("#management").InputAsync(new ChangeEventArgs { Value = "Leaves the room for acute contract decisions" });
        await page.Find("#save-interest").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Declared interest changed", Assert.Single(Snackbars.ShownSnackbars).Message, StringComparison.Ordinal), Patience);
        var stored = Assert.Single(await _app.EntriesAsync());
        Assert.Equal(("Leaves the room for acute contract decisions", 1), (stored.Management, stored.Revision));
    }

    [Fact]
    public async Task An_entry_changed_by_someone_else_meanwhile_is_shown_and_saved_over_only_when_asked()
    {
        var id = await _app.DeclareAsync("Mr C Singh, practice manager", "Declared at each board meeting");
        var page = RenderEditor(id);
        page.WaitForAssertion(() => Assert.Equal("Mr C Singh, practice manager", Shown(page, "person")), Patience);
        await _app.ChangeAsync(id, "Leaves the room for acute contract decisions");

        await page.Find("#management").InputAsync(new ChangeEventArgs { Value = "No action needed" });
        await page.Find("#save-interest").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("have not been saved", page.Find("#interest-conflict").TextContent, StringComparison.Ordinal), Patience);
        var change = Assert.Single(page.FindAll("#interest-conflict li"));
        Assert.StartsWith("How it is managed", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("Leaves the room for acute contract decisions", change.TextContent, StringComparison.Ordinal);
        Assert.Equal("No action needed", Shown(page, "management"));
        Assert.Equal("Leaves the room for acute contract decisions", Assert.Single(await _app.EntriesAsync()).Management);

        await page.Find("#save-mine").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(Snackbars.ShownSnackbars), Patience);
        var stored = Assert.Single(await _app.EntriesAsync());
        Assert.Equal(("No action needed", 2), (stored.Management, stored.Revision));
    }

    [Fact]
    public async Task Taking_the_stored_entry_after_a_conflict_shows_it_and_saves_nothing()
    {
        var id = await _app.DeclareAsync("Mr C Singh, practice manager", "Declared at each board meeting");
        var page = RenderEditor(id);
        page.WaitForAssertion(() => Assert.Equal("Mr C Singh, practice manager", Shown(page, "person")), Patience);
        await _app.ChangeAsync(id, "Leaves the room for acute contract decisions");
        await page.Find("#management").InputAsync(new ChangeEventArgs { Value = "No action needed" });
        await page.Find("#save-interest").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("#take-theirs"), Patience);

        await page.Find("#take-theirs").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Leaves the room for acute contract decisions", Shown(page, "management")), Patience);
        Assert.Empty(page.FindAll("#interest-conflict"));
        Assert.Empty(page.FindAll("#unsaved"));
        Assert.Equal(1, Assert.Single(await _app.EntriesAsync()).Revision);
    }

    [Fact]
    public async Task Leaving_with_an_entry_not_saved_asks_first_and_staying_keeps_it()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderEditor();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-interest-editor").GetAttribute("data-live")), Patience);
        await page.Find("#person").InputAsync(new ChangeEventArgs { Value = "Dr D Evans" });
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        await page.InvokeAsync(() => navigation.NavigateTo("/consortia/00G"));

        dialogs.WaitForAssertion(() => Assert.Contains("Your entry is not saved", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").First(b => b.TextContent.Contains("Stay and keep it", StringComparison.Ordinal)).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Your entry is not saved", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(before, navigation.Uri);
        Assert.Equal("Dr D Evans", Shown(page, "person"));
    }

    [Fact]
    public async Task A_user_who_may_not_edit_the_register_changes_nothing()
    {
        var id = await _app.DeclareAsync("Mr C Singh, practice manager", "Declared at each board meeting");
        var page = RenderEditor(id);
        page.WaitForAssertion(() => Assert.Equal("Mr C Singh, practice manager", Shown(page, "person")), Patience);
        await page.Find("#management").InputAsync(new ChangeEventArgs { Value = "No action needed" });

        // The page was opened by a manager of 00G; the save is made as a manager of another PCT's consortium.
        _user.Set(await _app.ActingAsync(DemoAccountSeeder.PctManager("5QW")));
        await page.Find("#save-interest").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Nothing was saved", page.Find("#interest-problem").TextContent, StringComparison.Ordinal), Patience);
        var stored = Assert.Single(await _app.EntriesAsync());
        Assert.Equal(("Declared at each board meeting", 0), (stored.Management, stored.Revision));
        Assert.Equal("No action needed", Shown(page, "management"));
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private static string? Shown(IRenderedComponent<InterestPage> page, string id)
    {
        var field = page.Find($"#{id}");
        return field.GetAttribute("value") ?? field.TextContent;
    }

    private static string ErrorShown(IRenderedComponent<InterestPage> page, string field) =>
        page.FindAll($"#{field}-error").FirstOrDefault()?.TextContent.Trim() ?? "";

    private static async Task TypeAsync(IRenderedComponent<InterestPage> page, string person, string interest, string? declared, string management)
    {
        await page.Find("#person").InputAsync(new ChangeEventArgs { Value = person });
        await page.Find("#interest").InputAsync(new ChangeEventArgs { Value = interest });
        if (declared is not null)
        {
            await page.Find(".mud-picker input").ChangeAsync(new ChangeEventArgs { Value = declared });
        }

        await page.Find("#management").InputAsync(new ChangeEventArgs { Value = management });
    }

    private IRenderedComponent<InterestPage> RenderEditor(int? id = null) =>
        RenderInteractive<InterestPage>(p => p.Add(x => x.Code, Code).Add(x => x.Id, id));

    /// <summary>One app for the class; each test starts with 00G's register empty.</summary>
    public sealed class App : IDisposable
    {
        public static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

        public TransitionTrackerFactory Factory { get; } = new();

        public async Task ResetAsync()
        {
            await using var db = Factory.Database.OpenContext();
            await db.DeclaredInterests.Where(i => i.ConsortiumCode == Code).ExecuteDeleteAsync();
        }

        public Task<ActingUser> ActingAsync(string email) => DemoUsers.ActingAsync(Factory, email);

        /// <summary>Declares an interest as another tab would, through the use case the page calls.</summary>
        public async Task<int> DeclareAsync(string person, string management)
        {
            var outcome = await RunAsync(async (register, user) => await register.AddAsync(user, Code, Form(person, management, null), CancellationToken.None));
            Assert.True(outcome.IsSaved);
            return outcome.SavedId!.Value;
        }

        /// <summary>Changes an entry as another user would: based on the entry as stored now.</summary>
        public async Task ChangeAsync(int id, string management)
        {
            var stored = (await EntriesAsync()).Single(i => i.Id == id);
            var outcome = await RunAsync(async (register, user) => await register.UpdateAsync(user, Code, id, Form(stored.Person, management, stored.Revision), CancellationToken.None));
            Assert.True(outcome.IsSaved);
        }

        public async Task<List<DeclaredInterest>> EntriesAsync()
        {
            await using var db = Factory.Database.OpenContext();
            return await db.DeclaredInterests.AsNoTracking().Where(i => i.ConsortiumCode == Code).ToListAsync();
        }

        public async Task<List<Data.Auditing.AuditEntry>> AuditsAsync()
        {
            await using var db = Factory.Database.OpenContext();
            return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(DeclaredInterest)).OrderBy(a => a.Id).ToListAsync();
        }

        public async Task<int> AuditCountAsync() => (await AuditsAsync()).Count;

        public void Dispose() => Factory.Dispose();

        private static DeclaredInterestForm Form(string person, string management, int? revision) => new()
        {
            Person = person,
            Interest = "Spouse works for the acute trust",
            DeclaredDay = "3",
            DeclaredMonth = "1",
            DeclaredYear = "2011",
            Management = management,
            Revision = revision?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        private async Task<T> RunAsync<T>(Func<InterestRegister, ActingUser, Task<T>> step)
        {
            var user = await ActingAsync(Manager);
            await using var scope = Factory.Services.CreateAsyncScope();
            return await step(scope.ServiceProvider.GetRequiredService<InterestRegister>(), user);
        }
    }
}
