using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Pcts;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Pcts;

/// <summary>
/// A PCT manager records a practice of Newcastle PCT (5D7) moving from consortium 00G to 00H from the PCT page, live
/// on the app's real use cases: the date's problems are said beside it with nothing stored, then the move is recorded
/// and both consortia's practice counts and populations on the page follow.
/// </summary>
public sealed class PracticeMoveTests : MudComponentContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TransitionTrackerFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly CurrentUser _current = new();

    public PracticeMoveTests()
    {
        _scope = _factory.Services.CreateScope();
        _current.SignedIn(DemoUsers.ActingAsync(_factory, DemoAccountSeeder.PctManager("5D7")).GetAwaiter().GetResult());
        Services.AddSingleton(_current);
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    [Fact]
    public async Task A_move_is_recorded_from_the_pct_page_and_both_consortia_figures_follow()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();
        var row = page.FindAll(".app-practice-grid tbody tr").First(r => r.QuerySelector("a[href='/consortia/00G']") is not null);
        var name = row.QuerySelector("td")!.TextContent.Trim();
        var (code, listSize, joinedOn) = await PracticeAsync(name);
        var before = (Figures(page, "00G"), Figures(page, "00H"));

        // The handler waits for the dialog, so the click completes once it is closed.
        var moving = row.QuerySelector("button.app-move-practice")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Member of", dialogs.Find("#move-current").TextContent, StringComparison.Ordinal), Patience);
        var select = dialogs.FindComponent<MudSelect<string>>();
        await dialogs.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("00H"));
        await TypeDateAsync(dialogs, joinedOn.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await dialogs.Find("#record-move").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.StartsWith("The date must be on or after", dialogs.Find("#move-date-error").TextContent.Trim(), StringComparison.Ordinal), Patience);
        Assert.Equal("00G", await CurrentConsortiumAsync(code));

        var movedOn = joinedOn.AddDays(20);
        await TypeDateAsync(dialogs, movedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await dialogs.Find("#record-move").ClickAsync(new());
        await moving.WaitAsync(Patience);

        Assert.Equal("00H", await CurrentConsortiumAsync(code));
        page.WaitForAssertion(() => Assert.Equal((before.Item1.Practices - 1, before.Item1.Patients - listSize), Figures(page, "00G")), Patience);
        Assert.Equal((before.Item2.Practices + 1, before.Item2.Patients + listSize), Figures(page, "00H"));
        Assert.StartsWith($"Recorded: {name} joined Newcastle West", Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_reads_the_pct_but_does_not_manage_it_is_offered_no_moves()
    {
        _current.Set(await DemoUsers.ActingAsync(_factory, DemoAccountSeeder.Regional("Q30")));

        var page = RenderPage();

        Assert.Empty(page.FindAll("button.app-move-practice"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private IRenderedComponent<PctPage> RenderPage()
    {
        var page = RenderInteractive<PctPage>(p => p.Add(x => x.Code, "5D7"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".app-practice-grid tbody tr")), Patience);
        return page;
    }

    private static Task TypeDateAsync(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.Find($"#{PracticeMoves.DateField}").ChangeAsync(new ChangeEventArgs { Value = text });

    // The consortium's practice count and registered patients, as the page's consortium table shows them.
    private static (int Practices, int Patients) Figures(IRenderedComponent<PctPage> page, string consortium)
    {
        var row = page.FindAll("tr").First(r => r.QuerySelector($"a[href='/consortia/{consortium}']") is not null && r.QuerySelector("[data-label='Registered patients']") is not null);
        int Read(string label) => int.Parse(row.QuerySelector($"[data-label='{label}']")!.TextContent.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return (Read("GP practices"), Read("Registered patients"));
    }

    private async Task<(string Code, int ListSize, DateOnly JoinedOn)> PracticeAsync(string name)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var found = await (from p in db.Practices
                           join m in db.ConsortiumMemberships on p.Code equals m.PracticeCode
                           where p.Name == name && p.PctCode == "5D7" && m.LeftOn == null
                           select new { p.Code, p.ListSize, m.JoinedOn }).FirstAsync();
        return (found.Code, found.ListSize, found.JoinedOn);
    }

    private async Task<string?> CurrentConsortiumAsync(string practice)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.ConsortiumMemberships.Where(m => m.PracticeCode == practice && m.LeftOn == null).Select(m => m.ConsortiumCode).FirstOrDefaultAsync();
    }
}
