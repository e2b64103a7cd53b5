using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Preferences;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Notifications;

namespace TransitionTracker.Application.Tests.Preferences;

/// <summary>A user's own choice of e-mail digest: daily until they choose; set by name; anything else refused, nothing changed.</summary>
public sealed class DigestPreferencesTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Daily_until_chosen_then_the_choice_is_kept_and_a_bad_one_changes_nothing()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var manager = await _host.UserAsync(Demo.PctManager);

        Assert.Equal(DigestFrequency.Daily, await GetAsync(lead));
        Assert.True((await SetAsync(lead, "weekly")).IsSaved);
        Assert.Equal(DigestFrequency.Weekly, await GetAsync(lead));
        Assert.Equal(DigestFrequency.Daily, await GetAsync(manager));

        var refused = await SetAsync(lead, "hourly");
        Assert.Equal(EditStatus.Invalid, refused.Status);
        Assert.Equal(DigestPreferences.FrequencyField, Assert.Single(refused.Problems).Field);
        Assert.Equal(EditStatus.NotFound, (await SetAsync(null, "Off")).Status);
        Assert.Equal(DigestFrequency.Weekly, await GetAsync(lead));

        Assert.True((await SetAsync(lead, " Off ")).IsSaved);
        Assert.Equal(DigestFrequency.Off, await GetAsync(lead));
        Assert.Null(await _host.RunAsync<DigestPreferences, DigestFrequency?>(p => p.GetAsync(null, CancellationToken.None)));
    }

    private Task<DigestFrequency?> GetAsync(TransitionTracker.Application.Access.ActingUser user) =>
        _host.RunAsync<DigestPreferences, DigestFrequency?>(p => p.GetAsync(user, CancellationToken.None));

    private Task<EditOutcome> SetAsync(TransitionTracker.Application.Access.ActingUser? user, string value) =>
        _host.RunAsync<DigestPreferences, EditOutcome>(p => p.SetAsync(user, value, CancellationToken.None));
}
