using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia.Formation;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Formation;

/// <summary>
/// How a consortium formed, live on the app's real use cases: a regional lead of Q30 records 00G's stage change and
/// its merge into 00H (asked first), problems are said beside their field with nothing stored, and a circuit whose
/// user is no regional lead changes nothing whatever the page shows.
/// </summary>
public sealed class FormationPageTests : MudComponentContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TransitionTrackerFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly CurrentUser _current = new();

    public FormationPageTests()
    {
        _scope = _factory.Services.CreateScope();
        _current.SignedIn(DemoUsers.ActingAsync(_factory, DemoAccountSeeder.Regional("Q30")).GetAwaiter().GetResult());
        Services.AddSingleton(_current);
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    [Fact]
    public async Task A_stage_change_is_refused_beside_its_date_then_recorded_and_listed()
    {
        Render<MudPopoverProvider>();
        var page = RenderPage();
        var before = await StageAsync("00G");
        var next = before == ConsortiumStage.Authorised ? ConsortiumStage.Shadow : before + 1;

        await ChooseAsync(page, 0, next.ToWire());
        await TypeAsync(page, "stage-date", "31/02/2011");
        await page.Find("#record-stage").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Enter the date as day/month/year, for example 01/04/2011", page.Find("#stage-date-error").TextContent.Trim()), Patience);
        Assert.Equal(before, await StageAsync("00G"));

        await TypeAsync(page, "stage-date", "14/01/2011");
        await page.Find("#record-stage").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains($"to {next.ToDisplay()}", page.Find("#stage-changes").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal(next, await StageAsync("00G"));
        Assert.Equal($"Recorded: {await NameAsync("00G")} moved to the {next.ToDisplay()} stage on 14 January 2011.", Assert.Single(Snackbars.ShownSnackbars).Message);
    }

    [Fact]
    public async Task A_merge_asks_first_then_moves_every_member_and_the_page_says_where_it_went()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();
        var members = await MembersAsync("00G");
        var lastJoined = await LastJoinedAsync("00G");

        await ChooseAsync(page, 1, "00H");
        await TypeAsync(page, "merge-date", lastJoined.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        var asking = page.Find("#record-merge").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Record this merge?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await asking.WaitAsync(Patience);
        Assert.Equal(members, await MembersAsync("00G"));

        asking = page.Find("#record-merge").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Record this merge?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Record the merge").ClickAsync(new());
        await asking.WaitAsync(Patience);

        page.WaitForAssertion(() => Assert.Contains("Merged into", page.Find("#merged-into").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal(0, await MembersAsync("00G"));
        Assert.Empty(page.FindAll("#record-stage"));
        Assert.Empty(page.FindAll("#record-merge"));
    }

    [Fact]
    public async Task A_split_asks_first_then_forms_the_new_consortium_with_the_chosen_practices()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();
        var members = await MembersAsync("00G");
        var lastJoined = await LastJoinedAsync("00G");

        await TypeTextAsync(page, ConsortiumFormation.CodeField, "NEW01");
        await TypeTextAsync(page, ConsortiumFormation.NameField, "Newcastle Riverside");
        await page.Find("#record-split").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Select the practices that formed the new consortium", page.Find("#split-practices-error").TextContent.Trim()), Patience);
        Assert.Equal("NEW01", page.Find($"#{ConsortiumFormation.CodeField}").GetAttribute("value"));

        var boxes = page.FindComponents<MudCheckBox<bool>>();
        await page.InvokeAsync(() => boxes[0].Instance.ValueChanged.InvokeAsync(true));
        await page.InvokeAsync(() => boxes[1].Instance.ValueChanged.InvokeAsync(true));
        await TypeAsync(page, "split-date", lastJoined.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        var asking = page.Find("#record-split").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("2 practices leave", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Record the split").ClickAsync(new());
        await asking.WaitAsync(Patience);

        page.WaitForAssertion(() => Assert.Contains("Newcastle Riverside", page.Find("#split-offs").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal(members - 2, await MembersAsync("00G"));
        Assert.Equal(2, await MembersAsync("NEW01"));
    }

    [Fact]
    public async Task A_circuit_whose_user_is_no_regional_lead_changes_nothing_whatever_the_page_shows()
    {
        Render<MudPopoverProvider>();
        var page = RenderPage();
        var before = await StageAsync("00G");
        await ChooseAsync(page, 0, (before == ConsortiumStage.Authorised ? ConsortiumStage.Shadow : before + 1).ToWire());
        await TypeAsync(page, "stage-date", "14/01/2011");

        // As if the page had been reached without the right (a circuit accepts any event its client sends).
        _current.Set(await DemoUsers.ActingAsync(_factory, DemoAccountSeeder.PctManager("5D7")));
        await page.Find("#record-stage").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("You can no longer record changes to this consortium. Nothing was recorded.", page.Find("#formation-problem").TextContent.Trim()), Patience);
        Assert.Equal(before, await StageAsync("00G"));
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task A_reader_who_is_no_regional_lead_sees_the_history_without_forms()
    {
        _current.Set(await DemoUsers.ActingAsync(_factory, DemoAccountSeeder.ConsortiumLead("00G")));

        var page = RenderPage();

        Assert.NotNull(page.Find("#current-stage"));
        Assert.NotEmpty(page.FindAll("#membership-changes tbody tr"));
        Assert.Empty(page.FindAll("#record-stage"));
        Assert.Empty(page.FindAll("#record-merge"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private IRenderedComponent<FormationPage> RenderPage()
    {
        var page = RenderInteractive<FormationPage>(p => p.Add(x => x.Code, "00G"));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-formation").GetAttribute("data-live")), Patience);
        return page;
    }

    private static async Task ChooseAsync(IRenderedComponent<FormationPage> page, int index, string value)
    {
        var select = page.FindComponents<MudSelect<string>>()[index];
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static Task TypeTextAsync(IRenderedComponent<FormationPage> page, string id, string text) =>
        page.Find($"#{id}").ChangeAsync(new ChangeEventArgs { Value = text });

    private static Task TypeAsync(IRenderedComponent<FormationPage> page, string id, string text) =>
        page.Find($"#{id}").ChangeAsync(new ChangeEventArgs { Value = text });

    private async Task<T> ReadAsync<T>(Func<TransitionTrackerDbContext, Task<T>> read)
    {
        using var scope = _factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>());
    }

    private Task<ConsortiumStage> StageAsync(string code) => ReadAsync(db => db.Consortia.Where(c => c.Code == code).Select(c => c.Stage).SingleAsync());

    private Task<string> NameAsync(string code) => ReadAsync(db => db.Consortia.Where(c => c.Code == code).Select(c => c.Name).SingleAsync());

    private Task<int> MembersAsync(string code) => ReadAsync(db => db.ConsortiumMemberships.CountAsync(m => m.ConsortiumCode == code && m.LeftOn == null));

    private Task<DateOnly> LastJoinedAsync(string code) => ReadAsync(db => db.ConsortiumMemberships.Where(m => m.ConsortiumCode == code && m.LeftOn == null).MaxAsync(m => m.JoinedOn));
}
