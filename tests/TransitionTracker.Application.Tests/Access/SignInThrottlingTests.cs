using TransitionTracker.Application.Access;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Access;

/// <summary>Failed sign-ins counted per account and client address: a few are free, then that pair waits.</summary>
public sealed class SignInThrottlingTests : IAsyncLifetime
{
    private const string Address = "192.0.2.10";
    private const string OtherAddress = "192.0.2.20";

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task After_the_free_failures_the_account_waits_at_that_address_only()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        for (var failure = 1; failure < SignInThrottling.FreeFailures; failure++)
        {
            await _host.RunAsync<SignInThrottling, bool>(async t =>
            {
                await t.FailedAsync(manager.Id, Address, CancellationToken.None);
                return true;
            });
            Assert.False(await IsBlockedAsync(manager.Id, Address));
        }

        await _host.RunAsync<SignInThrottling, bool>(async t =>
        {
            await t.FailedAsync(manager.Id, Address, CancellationToken.None);
            return true;
        });

        Assert.True(await IsBlockedAsync(manager.Id, Address));
        Assert.False(await IsBlockedAsync(manager.Id, OtherAddress));
    }

    [Fact]
    public async Task A_success_clears_its_addresses_count()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        await _host.RunAsync<SignInThrottling, bool>(async t =>
        {
            for (var failure = 1; failure < SignInThrottling.FreeFailures; failure++)
            {
                await t.FailedAsync(manager.Id, Address, CancellationToken.None);
            }

            await t.SucceededAsync(manager.Id, Address, CancellationToken.None);
            await t.FailedAsync(manager.Id, Address, CancellationToken.None);
            return true;
        });

        Assert.False(await IsBlockedAsync(manager.Id, Address));
    }

    private Task<bool> IsBlockedAsync(string userId, string source) =>
        _host.RunAsync<SignInThrottling, bool>(t => t.IsBlockedAsync(userId, source, CancellationToken.None));
}
