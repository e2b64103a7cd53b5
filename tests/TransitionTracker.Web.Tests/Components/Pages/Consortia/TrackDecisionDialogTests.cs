using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>
/// The track decision dialog on the consortium page, with the real use case on the demo data: what it refuses is said
/// beside the field and nothing is stored, a decision is recorded and confirmed by a snackbar, and a decision someone
/// else recorded meanwhile is shown without losing what the lead entered.
/// </summary>
public sealed class TrackDecisionDialogTests : MudComponentContext, IAsyncLifetime
{
    // A save through the database may take more than bunit's one second on a busy machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string Code = "00G";
    private const string MyReason = "Strong clinical leadership; finance plan signed off in March.";

    private readonly TransitionTrackerFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly ActingUser _lead;
    private readonly CurrentUser _current = new();

    public TrackDecisionDialogTests()
    {
        _scope = _factory.Services.CreateScope();
        _lead = RegionalLead(DemoAccountSeeder.Regional("Q30"));
        _current.SignedIn(_lead);
        Services.AddSingleton(_current);
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<TrackReview>());
    }

    [Fact]
    public async Task Bad_input_is_explained_beside_each_field_nothing_is_stored_and_every_value_entered_stays()
    {
        var (provider, reference) = await OpenAsync();

        Click(provider, "Record the decision");

        provider.WaitForAssertion(() => Assert.Equal("Select the track this consortium should be on", provider.Find("#track-choice-error").TextContent), Patience);
        Assert.Contains("Enter the reason for your decision", provider.Find(".app-track-dialog").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", provider.Find("#track-reason").GetAttribute("aria-invalid"));
        var described = provider.Find("#track-reason").GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains(described, id => provider.FindAll($"[id='{id}']").Any(e => e.TextContent.Contains("Enter the reason for your decision", StringComparison.Ordinal)));

        var tooLong = new string('r', TrackDecision.ReasonMaxLength + 1);
        await ChooseAsync(provider, "needs-support");
        await WriteAsync(provider, tooLong);
        Click(provider, "Record the decision");

        provider.WaitForAssertion(() => Assert.Contains("1,000 characters or fewer (it has 1,001)", provider.Find(".app-track-dialog").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(provider.FindAll("#track-choice-error"));
        Assert.Equal(tooLong, provider.Find("textarea#track-reason").TextContent);
        Assert.Equal("needs-support", provider.FindComponent<MudRadioGroup<string>>().Instance.Value);
        Assert.Contains("1001 / 1000", provider.Find(".app-track-dialog .mud-input-helper-text").TextContent, StringComparison.Ordinal);
        Assert.False(reference.Result.IsCompleted);
        Assert.Empty(Snackbars.ShownSnackbars);
        Assert.Empty(await ReasonsAsync());
    }

    [Fact]
    public async Task Recording_a_decision_stores_it_through_the_use_case_closes_the_dialog_and_says_what_was_recorded()
    {
        var (provider, reference) = await OpenAsync();
        var computed = provider.Find("#track-dialog-computed").TextContent;

        await ChooseAsync(provider, "needs-support");
        await WriteAsync(provider, MyReason);
        Click(provider, "Record the decision");

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        var recorded = Assert.IsType<TrackDecision>(result.Data);
        Assert.Equal(Domain.Scoring.Track.NeedsSupport, recorded.Track);
        Assert.Equal([MyReason], await ReasonsAsync());
        var message = Assert.Single(Snackbars.ShownSnackbars).Message;
        Assert.StartsWith("Decision recorded: ", message, StringComparison.Ordinal);
        Assert.Contains("is needs support", message, StringComparison.Ordinal);
        Assert.Contains(computed.Contains("Needs support", StringComparison.Ordinal) ? "confirming the computed track" : "overriding the computed track", message, StringComparison.Ordinal);
        Assert.Empty(provider.FindAll(".app-track-dialog"));
    }

    [Fact]
    public async Task A_decision_recorded_meanwhile_is_shown_the_leads_entry_kept_and_theirs_recorded_over_it_only_when_they_say_so()
    {
        var (provider, reference) = await OpenAsync();
        var other = RegionalLead("other.lead@example.nhs.uk");
        var meanwhile = await Review.DecideAsync(other, Code, 0, "needs-support", "Accountable officer post vacant until June.", CancellationToken.None);
        Assert.True(meanwhile.IsSaved);

        await ChooseAsync(provider, "fast-mover");
        await WriteAsync(provider, MyReason);
        Click(provider, "Record the decision");

        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("#track-conflict")), Patience);
        var conflict = provider.Find("#track-conflict").TextContent;
        Assert.Contains("Your decision has not been recorded.", conflict, StringComparison.Ordinal);
        Assert.Contains("other.lead@example.nhs.uk decided at ", conflict, StringComparison.Ordinal);
        Assert.Contains("(UK time)", conflict, StringComparison.Ordinal);
        Assert.Contains("Needs support", conflict, StringComparison.Ordinal);
        Assert.Contains("Accountable officer post vacant until June.", conflict, StringComparison.Ordinal);
        Assert.Equal("fast-mover", provider.FindComponent<MudRadioGroup<string>>().Instance.Value);
        Assert.Equal(MyReason, provider.FindComponent<MudTextField<string>>().Instance.GetState(x => x.Value));
        Assert.Equal(["Accountable officer post vacant until June."], await ReasonsAsync());
        Assert.Empty(Snackbars.ShownSnackbars);
        Assert.False(reference.Result.IsCompleted);

        Click(provider, "Record mine instead");

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.Equal(["Accountable officer post vacant until June.", MyReason], await ReasonsAsync());
        Assert.Contains("is fast mover", Assert.Single(Snackbars.ShownSnackbars).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeping_the_other_decision_records_nothing_more()
    {
        var (provider, reference) = await OpenAsync();
        await Review.DecideAsync(RegionalLead("other.lead@example.nhs.uk"), Code, 0, "needs-support", "Accountable officer post vacant until June.", CancellationToken.None);
        await ChooseAsync(provider, "fast-mover");
        await WriteAsync(provider, MyReason);
        Click(provider, "Record the decision");
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("#track-conflict")), Patience);

        Click(provider, "Keep their decision");

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.Equal(["Accountable officer post vacant until June."], await ReasonsAsync());
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task A_circuit_whose_user_may_not_review_the_consortium_records_nothing_whatever_the_dialog_shows()
    {
        var (provider, reference) = await OpenAsync();
        await ChooseAsync(provider, "fast-mover");
        await WriteAsync(provider, MyReason);

        // As if the dialog had been reached without the right (a circuit accepts any event its client sends).
        _current.Set(new ActingUser("q31", DemoAccountSeeder.Regional("Q31"), "Q31", new UserAccess([new RoleAssignment("q31", Role.RegionalLead, "Q31")], new Dictionary<string, string>())));
        Click(provider, "Record the decision");

        provider.WaitForAssertion(() => Assert.Equal("You can no longer decide on this consortium's track. Nothing was recorded.", provider.Find("#track-problem").TextContent), Patience);
        Assert.False(reference.Result.IsCompleted);
        Assert.Empty(Snackbars.ShownSnackbars);
        Assert.Empty(await ReasonsAsync());
    }

    // The components first (the dialog's use case comes from the app's scope), then the app and its database.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private TrackReview Review => _scope.ServiceProvider.GetRequiredService<TrackReview>();

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> OpenAsync()
    {
        var readiness = await _scope.ServiceProvider.GetRequiredService<ConsortiumReadinessReader>().ReadAsync(_lead, Code, CancellationToken.None);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<TrackDecisionDialog>
        {
            { d => d.ConsortiumCode, Code },
            { d => d.ConsortiumName, "Consortium 00G" },
            { d => d.Readiness, ReadinessView.From(readiness!) },
        };
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await Services.GetRequiredService<IDialogService>().ShowAsync<TrackDecisionDialog>("Confirm or override the track", parameters));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll(".app-track-dialog")), Patience);
        return (provider, reference!);
    }

    private static Task ChooseAsync(IRenderedComponent<MudDialogProvider> provider, string track)
    {
        var group = provider.FindComponent<MudRadioGroup<string>>();
        return provider.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(track));
    }

    private static Task WriteAsync(IRenderedComponent<MudDialogProvider> provider, string text)
    {
        var field = provider.FindComponent<MudTextField<string>>();
        return provider.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(text));
    }

    private static void Click(IRenderedComponent<MudDialogProvider> provider, string button) =>
        provider.FindAll(".app-track-dialog button").Single(b => b.TextContent.Trim() == button).Click();

    private static ActingUser RegionalLead(string email) =>
        new(email, email, email, new UserAccess([new RoleAssignment(email, Role.RegionalLead, "Q30")], new Dictionary<string, string>()));

    private async Task<string[]> ReasonsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().TrackDecisions
            .Where(d => d.ConsortiumCode == Code).OrderBy(d => d.Revision).Select(d => d.Reason).ToArrayAsync();
    }
}
