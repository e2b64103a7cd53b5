using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Application.Tests.Frameworks;

/// <summary>Reading frameworks (every signed-in user) and publishing a new version (administrators only).</summary>
public sealed class FrameworkLibraryTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_signed_in_user_reads_every_framework_and_nobody_signed_in_reads_none()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);

        var listed = await _host.RunAsync<FrameworkLibrary, IReadOnlyList<FrameworkSummary>>(l => l.ListAsync(lead, CancellationToken.None));
        var anonymous = await _host.RunAsync<FrameworkLibrary, IReadOnlyList<FrameworkSummary>>(l => l.ListAsync(null, CancellationToken.None));
        var one = await _host.RunAsync<FrameworkLibrary, Framework?>(l => l.GetAsync(lead, ShippedFrameworks.Default, null, CancellationToken.None));
        var none = await _host.RunAsync<FrameworkLibrary, Framework?>(l => l.GetAsync(null, ShippedFrameworks.Default, null, CancellationToken.None));

        Assert.Contains(listed, f => f.Id == ShippedFrameworks.Default);
        Assert.Empty(anonymous);
        Assert.Equal(ShippedFrameworks.Default, one?.Id);
        Assert.Null(none);
    }

    [Fact]
    public async Task An_administrator_publishes_a_changed_framework_as_the_next_version_recorded_as_theirs()
    {
        var admin = await _host.UserAsync(Demo.Administrator);

        var outcome = await _host.RunAsync<FrameworkLibrary, EditOutcome<Framework>>(l => l.PublishAsync(admin, Renamed("A renamed framework"), CancellationToken.None));

        Assert.True(outcome.IsSaved);
        Assert.Equal("A renamed framework", outcome.Value?.Name);
        await using var db = _host.OpenContext();
        var latest = await db.Frameworks.Where(f => f.FrameworkId == ShippedFrameworks.Default).OrderByDescending(f => f.Version).FirstAsync();
        Assert.Equal(outcome.Value!.Version, latest.Version);
        Assert.Equal(Demo.Administrator, latest.PublishedBy);
    }

    [Fact]
    public async Task Anyone_but_an_administrator_is_told_not_found_and_nothing_is_published()
    {
        var national = await _host.UserAsync(Demo.National);
        var before = await VersionsAsync();

        var outcome = await _host.RunAsync<FrameworkLibrary, EditOutcome<Framework>>(l => l.PublishAsync(national, Renamed("Not allowed"), CancellationToken.None));

        Assert.Equal(EditStatus.NotFound, outcome.Status);
        Assert.Equal(before, await VersionsAsync());
    }

    [Fact]
    public async Task A_bad_or_unchanged_file_is_refused_with_its_problems_and_nothing_is_published()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var before = await VersionsAsync();

        var broken = await _host.RunAsync<FrameworkLibrary, EditOutcome<Framework>>(l => l.PublishAsync(admin, "{ not json", CancellationToken.None));
        var unchanged = await _host.RunAsync<FrameworkLibrary, EditOutcome<Framework>>(l => l.PublishAsync(admin, ShippedFrameworks.ReadJson(ShippedFrameworks.Default), CancellationToken.None));

        Assert.Equal(EditStatus.Invalid, broken.Status);
        Assert.NotEmpty(broken.Problems);
        Assert.Equal(EditStatus.Invalid, unchanged.Status);
        Assert.Contains("identical", Assert.Single(unchanged.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(before, await VersionsAsync());
    }

    [Fact]
    public async Task A_preview_says_what_the_file_would_change_and_stores_nothing()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var national = await _host.UserAsync(Demo.National);
        var before = await VersionsAsync();

        var preview = await _host.RunAsync<FrameworkLibrary, FrameworkPreview?>(l => l.PreviewAsync(admin, Renamed("A renamed framework"), CancellationToken.None));
        var broken = await _host.RunAsync<FrameworkLibrary, FrameworkPreview?>(l => l.PreviewAsync(admin, "{ not json", CancellationToken.None));
        var unchanged = await _host.RunAsync<FrameworkLibrary, FrameworkPreview?>(l => l.PreviewAsync(admin, ShippedFrameworks.ReadJson(ShippedFrameworks.Default), CancellationToken.None));
        var refused = await _host.RunAsync<FrameworkLibrary, FrameworkPreview?>(l => l.PreviewAsync(national, Renamed("Not allowed"), CancellationToken.None));

        Assert.Equal("A renamed framework", preview?.Candidate?.Name);
        Assert.Equal(preview!.Current!.Version + 1, preview.NextVersion);
        Assert.Equal([new FrameworkChange(FrameworkChangeKind.Changed, "Name", $"{preview.Current.Name} → A renamed framework")], preview.Changes);
        Assert.Null(broken?.Candidate);
        Assert.NotEmpty(broken!.Problems);
        Assert.Contains("identical", Assert.Single(unchanged!.Problems).Message, StringComparison.Ordinal);
        Assert.Null(refused);
        Assert.Equal(before, await VersionsAsync());
    }

    private static string Renamed(string name)
    {
        var document = JsonNode.Parse(ShippedFrameworks.ReadJson(ShippedFrameworks.Default))!.AsObject();
        document["name"] = name;
        return document.ToJsonString();
    }

    private async Task<int> VersionsAsync()
    {
        await using var db = _host.OpenContext();
        return await db.Frameworks.CountAsync();
    }
}
