using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Application;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Quality;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Quality;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Pcts.Quality;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Pcts.Quality;

/// <summary>
/// The quality and finance editor live, on the app's real use case and database: each figure's range is explained
/// before anyone types, a figure outside it is refused beside its field with nothing saved, a save is confirmed, a
/// month saved by someone else meanwhile is shown with the user's figures kept, leaving with figures not saved asks
/// first, and a bad file is refused with every problem listed.
/// </summary>
public sealed class QualityPageTests : MudComponentContext, IClassFixture<QualityPageTests.App>
{
    private const string Pct = "5D7";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string Manager = DemoAccountSeeder.PctManager(Pct);
    private readonly App _app;
    private readonly CurrentUser _user;

    public QualityPageTests(App app)
    {
        _app = app;
        _app.ResetAsync().GetAwaiter().GetResult();
        _user = UseApp(_app.Factory, _app.ManagerAsync().GetAwaiter().GetResult());
    }

    [Fact]
    public void Every_figure_shows_its_unit_and_plausible_range_before_anyone_types()
    {
        var page = RenderEditor();

        page.WaitForAssertion(() => page.Find("#emergency-change"), Patience);
        foreach (var rule in QualityIndicatorRules.Numbers)
        {
            var field = page.Find($"[data-field={rule.Field}]");
            Assert.Contains(rule.Hint, field.TextContent, StringComparison.Ordinal);
            Assert.Contains(rule.Unit, field.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains("from -50 to +50", page.Find("[data-field=emergency-change]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_implausible_figure_is_refused_beside_its_field_kept_and_nothing_is_saved()
    {
        var before = await _app.SaveMonthAsync(delivered: "850");
        var page = RenderEditor();
        page.WaitForAssertion(() => Assert.Equal("850.0", Value(page, "qipp-delivered")), Patience);

        await page.Find("#emergency-change").InputAsync(new ChangeEventArgs { Value = "999" });
        await page.Find("#save-month").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            QualityIndicatorRules.EmergencyChange.OutOfRange,
            page.Find("[data-field=emergency-change] .mud-input-helper-text").TextContent.Trim()), Patience);
        Assert.Equal("999", Value(page, "emergency-change"));
        Assert.Contains("was not saved", page.Find("#quality-problem").TextContent, StringComparison.Ordinal);
        var stored = await _app.MonthAsync();
        Assert.Equal(before.Revision, stored!.Revision);
        Assert.Equal(-0.5m, stored.EmergencyAdmissionsChangePercent);
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task A_corrected_figure_is_saved_with_a_confirmation()
    {
        await _app.SaveMonthAsync(delivered: "850");
        var page = RenderEditor();
        page.WaitForAssertion(() => Assert.Equal("850.0", Value(page, "qipp-delivered")), Patience);

        await page.Find("#qipp-delivered").InputAsync(new ChangeEventArgs { Value = "900" });
        await page.Find("#save-month").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Saved the indicators for", Assert.Single(Snackbars.ShownSnackbars).Message, StringComparison.Ordinal), Patience);
        Assert.Equal(900m, (await _app.MonthAsync())!.QippDeliveredThousands);
        Assert.Empty(page.FindAll("#unsaved"));
    }

    [Fact]
    public async Task A_month_saved_by_someone_else_meanwhile_is_shown_and_saved_over_only_when_asked()
    {
        await _app.SaveMonthAsync(delivered: "850");
        var page = RenderEditor();
        page.WaitForAssertion(() => Assert.Equal("850.0", Value(page, "qipp-delivered")), Patience);
        await _app.SaveMonthAsync(delivered: "860");

        await page.Find("#qipp-delivered").InputAsync(new ChangeEventArgs { Value = "700" });
        await page.Find("#save-month").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("have not been saved", page.Find("#quality-conflict").TextContent, StringComparison.Ordinal), Patience);
        var change = Assert.Single(page.FindAll("#quality-conflict li"), li => li.TextContent.StartsWith("QIPP savings delivered (£k)", StringComparison.Ordinal));
        Assert.Contains("860", change.TextContent, StringComparison.Ordinal);
        Assert.Equal("700", Value(page, "qipp-delivered"));
        Assert.Equal(860m, (await _app.MonthAsync())!.QippDeliveredThousands);

        await page.Find("#save-mine").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#quality-conflict")), Patience);
        Assert.Equal(700m, (await _app.MonthAsync())!.QippDeliveredThousands);
    }

    [Fact]
    public async Task Taking_the_stored_figures_after_a_conflict_shows_them_and_saves_nothing()
    {
        await _app.SaveMonthAsync(delivered: "850");
        var page = RenderEditor();
        page.WaitForAssertion(() => Assert.Equal("850.0", Value(page, "qipp-delivered")), Patience);
        var theirs = await _app.SaveMonthAsync(delivered: "860");
        await page.Find("#qipp-delivered").InputAsync(new ChangeEventArgs { Value = "700" });
        await page.Find("#save-month").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("#take-theirs"), Patience);

        await page.Find("#take-theirs").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("860.0", Value(page, "qipp-delivered")), Patience);
        Assert.Empty(page.FindAll("#quality-conflict"));
        Assert.Equal(theirs.Revision, (await _app.MonthAsync())!.Revision);
    }

    [Fact]
    public async Task Leaving_with_figures_not_saved_asks_first_and_staying_keeps_them()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderEditor();
        page.WaitForAssertion(() => page.Find("#emergency-change"), Patience);
        await page.Find("#emergency-change").InputAsync(new ChangeEventArgs { Value = "2.5" });
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        await page.InvokeAsync(() => navigation.NavigateTo("/pcts/5D7"));

        dialogs.WaitForAssertion(() => Assert.Contains("Your figures are not saved", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").First(b => b.TextContent.Contains("Stay and keep them", StringComparison.Ordinal)).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Your figures are not saved", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(before, navigation.Uri);
        Assert.Equal("2.5", Value(page, "emergency-change"));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_every_problem_listed_and_nothing_saved()
    {
        var page = RenderEditor();
        page.WaitForAssertion(() => page.Find("#choose-file"), Patience);
        var before = await _app.CountAsync();
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n"
            + "2005-01,500,480,999,agreed,91.0,96.0\r\n"
            + "2005-02,abc,480,1.0,agreed,91.0,96.0\r\n";

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "months.csv"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#upload-problems li").Count), Patience);
        var problems = page.FindAll("#upload-problems li").Select(li => li.TextContent).ToList();
        Assert.Equal("Row 2: " + QualityIndicatorRules.EmergencyChange.OutOfRange, problems[0]);
        Assert.StartsWith("Row 3: QIPP planned", problems[1], StringComparison.Ordinal);
        Assert.Contains("months.csv was not saved", page.Find("#upload-problems").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountAsync());
    }

    [Fact]
    public async Task A_good_file_is_saved_with_a_confirmation_and_its_months_listed()
    {
        var page = RenderEditor();
        page.WaitForAssertion(() => page.Find("#choose-file"), Patience);
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n2005-03,300,290.5,2.5,tested,92.0,97.0\r\n";

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "months.csv"));

        page.WaitForAssertion(() => Assert.Contains("Saved 1 month from months.csv: March 2005", Assert.Single(Snackbars.ShownSnackbars).Message, StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("#upload-problems"));
        Assert.Equal(290.5m, (await _app.MonthAsync(new DateOnly(2005, 3, 1)))!.QippDeliveredThousands);
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private static string? Value(IRenderedComponent<QualityPage> page, string id) => page.Find($"#{id}").GetAttribute("value");

    private IRenderedComponent<QualityPage> RenderEditor() => RenderInteractive<QualityPage>(p => p.Add(x => x.Code, Pct));

    /// <summary>One app for the class; each test starts with 5D7's current month and 2005 not reported.</summary>
    public sealed class App : IDisposable
    {
        public TransitionTrackerFactory Factory { get; } = new();

        public DateOnly CurrentMonth
        {
            get
            {
                var today = UkCalendar.Today(Factory.Services.GetRequiredService<TimeProvider>());
                return new DateOnly(today.Year, today.Month, 1);
            }
        }

        public async Task ResetAsync()
        {
            await using var db = Factory.Database.OpenContext();
            var month = CurrentMonth;
            await db.QualityIndicators.Where(q => q.PctCode == Pct && (q.Month == month || q.Month.Year == 2005)).ExecuteDeleteAsync();
        }

        public Task<ActingUser> ManagerAsync() => DemoUsers.ActingAsync(Factory, Manager);

        /// <summary>Saves the current month as another tab would: over whatever is stored.</summary>
        public async Task<EditOutcome<IReadOnlyList<DateOnly>>> SaveMonthAsync(string delivered)
        {
            var user = await ManagerAsync();
            using var scope = Factory.Services.CreateScope();
            var form = new QualityIndicatorForm
            {
                Month = CurrentMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                QippPlanned = "1000", QippDelivered = delivered, EmergencyChange = "-0.5", WinterPlan = "draft", RttAdmitted = "89.0", RttNonAdmitted = "96.5",
            };
            var outcome = await scope.ServiceProvider.GetRequiredService<QualityIndicatorEntry>().SaveAsync(user, Pct, form, null, CancellationToken.None);
            Assert.True(outcome.IsSaved);
            return outcome;
        }

        public async Task<QualityIndicator?> MonthAsync(DateOnly? month = null)
        {
            var first = month ?? CurrentMonth;
            await using var db = Factory.Database.OpenContext();
            return await db.QualityIndicators.AsNoTracking().SingleOrDefaultAsync(q => q.PctCode == Pct && q.Month == first);
        }

        public async Task<int> CountAsync()
        {
            await using var db = Factory.Database.OpenContext();
            return await db.QualityIndicators.CountAsync(q => q.PctCode == Pct);
        }

        public void Dispose() => Factory.Dispose();
    }
}
