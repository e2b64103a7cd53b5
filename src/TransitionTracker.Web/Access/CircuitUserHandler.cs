using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using TransitionTracker.Application.Caching;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Keeps a circuit's <see cref="CurrentUser"/> and audit name in step with its <see cref="AuthenticationState"/>
/// (docs/architecture.md, "Interactive pages"). A circuit's scope lives as long as the tab, so at the start of each
/// inbound activity (an event, a navigation) the data stamp is forgotten, and at most once a second the user is looked
/// up again: a user disabled or signed out elsewhere loses access at their next click, not at the next revalidation.
/// </summary>
public sealed class CircuitUserHandler(
    AuthenticationStateProvider authentication,
    ActingUsers users,
    CurrentUser currentUser,
    AuditActor actor,
    DataStamp stamp,
    TimeProvider clock) : CircuitHandler
{
    private static readonly TimeSpan LookUpAgainAfter = TimeSpan.FromSeconds(1);
    private DateTimeOffset _lookedUpAt = DateTimeOffset.MinValue;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
        return RefreshAsync(force: true, cancellationToken);
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            stamp.Forget();
            await RefreshAsync(force: false, CancellationToken.None);
            await next(context);
        };

    private void OnAuthenticationStateChanged(Task<AuthenticationState> state) => _lookedUpAt = DateTimeOffset.MinValue;

    private async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!force && now - _lookedUpAt < LookUpAgainAfter)
        {
            return;
        }

        _lookedUpAt = now;
        var state = await authentication.GetAuthenticationStateAsync();
        var user = state.User.Identity?.IsAuthenticated == true
            ? await users.FromPrincipalAsync(state.User, cancellationToken)
            : null;
        currentUser.Set(user);
        actor.Name = user?.AuditName ?? AuditActor.System;
    }
}
