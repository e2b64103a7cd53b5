using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Quality;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Quality;

namespace TransitionTracker.Application.Tests.Quality;

/// <summary>PCT managers enter their PCTs' indicators (one month, or a CSV file); users who may read the PCT read them.</summary>
public sealed class QualityIndicatorEntryTests : IAsyncLifetime
{
    private const string Pct = "5D7";
    private const string OtherPct = "5D8";
    private static readonly DateOnly May2001 = new(2001, 5, 1);
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_saves_a_month_recorded_as_theirs_and_replaces_it_later()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var saved = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "850"), null);
        var replaced = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "900"), null);

        Assert.True(saved.IsSaved);
        Assert.Equal([May2001], saved.Value);
        Assert.Equal(1, saved.Revision);
        Assert.True(replaced.IsSaved);
        Assert.Equal(2, replaced.Revision);
        Assert.Equal(saved.SavedId, replaced.SavedId);
        var stored = await IndicatorAsync(Pct, May2001);
        Assert.Equal(900m, stored?.QippDeliveredThousands);
        Assert.Equal(Demo.PctManager, stored!.RecordedBy);
        var recent = await _host.RunAsync<QualityIndicatorEntry, IReadOnlyList<QualityIndicator>>(e => e.RecentAsync(manager, Pct, 100, CancellationToken.None));
        Assert.Contains(recent, q => q.Month == May2001);
    }

    [Fact]
    public async Task A_change_based_on_a_revision_that_has_moved_on_is_refused_with_what_changed()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var first = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "850"), null);
        var second = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "860"), first.Revision);

        var stale = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "999"), first.Revision);

        Assert.True(second.IsSaved);
        Assert.Equal(EditStatus.Conflict, stale.Status);
        Assert.Equal(second.Revision, stale.Conflict?.CurrentRevision);
        Assert.Equal(Demo.PctManager, stale.Conflict!.ChangedBy);
        Assert.Contains(stale.Conflict.Changes, c => c.Field == nameof(QualityIndicator.QippDeliveredThousands));
        Assert.Equal(860m, (await IndicatorAsync(Pct, May2001))!.QippDeliveredThousands);
    }

    [Fact]
    public async Task Bad_values_are_refused_each_problem_keyed_by_its_input_and_nothing_is_saved()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var before = await CountAsync();

        var outcome = await SaveAsync(manager, Pct, Form("May", qippPlanned: "-5", winterPlan: "", rttAdmitted: "101"), null);

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal(["month", "qipp-planned", "winter-plan", "rtt-admitted"], outcome.Problems.Select(p => p.Field));
        Assert.All(outcome.Problems, p => Assert.Null(p.Item));
        Assert.Equal("Month must be a month like 2013-04", outcome.Problems[0].Message);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_file_with_any_bad_row_is_refused_whole_each_problem_naming_its_row()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var before = await CountAsync();
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n"
            + "2001-01,500,480,1.0,agreed,91.0,96.0\r\n"
            + "2001-02,abc,480,1.0,agreed,91.0,96.0\r\n"
            + "2001-01,500,480,1.0,agreed,91.0,96.0\r\n"
            + "2001-04,500,480\r\n";

        var outcome = await ImportAsync(manager, Pct, csv);

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal(["3", "4", "5"], outcome.Problems.Select(p => p.Item));
        Assert.Equal(["qipp-planned", "month", "row"], outcome.Problems.Select(p => p.Field));
        Assert.StartsWith("Row 3: QIPP planned", outcome.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_good_file_saves_every_month()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n2001-02,300,200,4.0,not-started,85.0,90.0\r\n2001-01,300,290.5,2.5,tested,92.0,97.0\r\n";

        var outcome = await ImportAsync(manager, Pct, csv);

        Assert.True(outcome.IsSaved);
        Assert.Equal([new DateOnly(2001, 1, 1), new DateOnly(2001, 2, 1)], outcome.Value);
        Assert.Equal(290.5m, (await IndicatorAsync(Pct, new DateOnly(2001, 1, 1)))?.QippDeliveredThousands);
        Assert.Equal(WinterPlanStatus.NotStarted, (await IndicatorAsync(Pct, new DateOnly(2001, 2, 1)))?.WinterPlan);
    }

    [Fact]
    public async Task Out_of_scope_entries_are_not_found_and_change_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var before = await CountAsync();
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n2001-05,500,480,1.0,agreed,91.0,96.0\r\n";

        var otherPct = await SaveAsync(manager, OtherPct, Form("2001-05"), null);
        var readOnly = await SaveAsync(lead, Pct, Form("2001-05"), null);
        var signedOut = await SaveAsync(null, Pct, Form("2001-05"), null);
        var otherImport = await ImportAsync(manager, OtherPct, csv);
        var badForm = await SaveAsync(lead, Pct, Form("May"), null);

        Assert.All([otherPct, readOnly, signedOut, otherImport, badForm], o => Assert.Equal(EditStatus.NotFound, o.Status));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Indicators_are_read_by_users_who_may_read_the_pct()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.RegionalLead);
        await SaveAsync(manager, Pct, Form("2001-05"), null);
        await SaveAsync(manager, Pct, Form("2001-06"), null);

        var byLead = await _host.RunAsync<QualityIndicatorEntry, IReadOnlyList<QualityIndicator>>(e => e.RecentAsync(lead, Pct, 100, CancellationToken.None));
        var otherPct = await _host.RunAsync<QualityIndicatorEntry, IReadOnlyList<QualityIndicator>>(e => e.RecentAsync(manager, OtherPct, 100, CancellationToken.None));
        var signedOut = await _host.RunAsync<QualityIndicatorEntry, IReadOnlyList<QualityIndicator>>(e => e.RecentAsync(null, Pct, 100, CancellationToken.None));

        Assert.Contains(byLead, q => q.Month == May2001);
        Assert.Equal(byLead.Select(q => q.Month).OrderDescending(), byLead.Select(q => q.Month));
        Assert.Empty(otherPct);
        Assert.Empty(signedOut);
    }

    private static QualityIndicatorForm Form(
        string month, string qippPlanned = "1000", string qippDelivered = "850", string winterPlan = "draft", string rttAdmitted = "89.0") => new()
    {
        Month = month,
        QippPlanned = qippPlanned,
        QippDelivered = qippDelivered,
        EmergencyChange = "-0.5",
        WinterPlan = winterPlan,
        RttAdmitted = rttAdmitted,
        RttNonAdmitted = "96.5",
    };

    private Task<EditOutcome<IReadOnlyList<DateOnly>>> SaveAsync(ActingUser? user, string pct, QualityIndicatorForm form, int? basedOn) =>
        _host.RunAsync<QualityIndicatorEntry, EditOutcome<IReadOnlyList<DateOnly>>>(e => e.SaveAsync(user, pct, form, basedOn, CancellationToken.None));

    private Task<EditOutcome<IReadOnlyList<DateOnly>>> ImportAsync(ActingUser? user, string pct, string csv) =>
        _host.RunAsync<QualityIndicatorEntry, EditOutcome<IReadOnlyList<DateOnly>>>(e => e.ImportAsync(user, pct, csv, CancellationToken.None));

    private async Task<QualityIndicator?> IndicatorAsync(string pct, DateOnly month)
    {
        await using var db = _host.OpenContext();
        return await db.QualityIndicators.AsNoTracking().SingleOrDefaultAsync(q => q.PctCode == pct && q.Month == month);
    }

    private async Task<int> CountAsync()
    {
        await using var db = _host.OpenContext();
        return await db.QualityIndicators.CountAsync();
    }
}
