using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Live;
using TransitionTracker.Data.Changes;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Infrastructure.Circuits;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Infrastructure.Circuits;

/// <summary>
/// A page paused while idle holds <c>/live/wake</c> open with its wake token: it hears "changed" once a change it shows
/// is saved, and nothing for others; a token that is not the user's, has been altered or is missing is refused before
/// any socket is opened, as is a socket opened from another site or without signing in.
/// </summary>
[Collection(SharedAppCollection.Name)]
public sealed class LiveWakeTests(TransitionTrackerFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_change_the_page_shows_wakes_it_and_others_do_not()
    {
        var token = await TokenAsync(DemoAccountSeeder.Regional("Q30"), LiveInterest.Organisations(["00G", "00H"], ["5D7"]));
        using var socket = await ConnectAsync(DemoAccountSeeder.Regional("Q30"), token);
        var live = factory.Services.GetRequiredService<LiveChanges>();
        var heard = ReceiveAsync(socket);

        live.Receive(Change(consortia: ["00K"], pcts: ["5QW"]));
        live.Receive(Change(kind: "UserPreference"));
        Assert.NotSame(heard, await Task.WhenAny(heard, Task.Delay(500)));

        live.Receive(Change(pcts: ["5D7"]));
        Assert.Equal("changed", await heard.WaitAsync(Patience));
        Assert.Equal(WebSocketMessageType.Close, (await socket.ReceiveAsync(new byte[16], CancellationToken.None).WaitAsync(Patience)).MessageType);
    }

    [Fact]
    public async Task The_bell_wakes_a_page_for_its_own_users_notifications_only()
    {
        var lead = await DemoUsers.ActingAsync(factory, DemoAccountSeeder.ConsortiumLead("00G"));
        var token = factory.Services.GetRequiredService<LiveWakeTokens>().Issue(lead.Id, LiveInterest.AddressedTo(lead.Id, "Notification"));
        using var socket = await ConnectAsync(DemoAccountSeeder.ConsortiumLead("00G"), token);
        var live = factory.Services.GetRequiredService<LiveChanges>();
        var heard = ReceiveAsync(socket);

        live.Receive(Change(kind: "Notification") with { Recipients = new HashSet<string> { "someone-else" } });
        live.Receive(Change(consortia: ["00G"]) with { Recipients = new HashSet<string>() });
        Assert.NotSame(heard, await Task.WhenAny(heard, Task.Delay(500)));

        live.Receive(Change(kind: "Notification") with { Recipients = new HashSet<string> { "someone-else", lead.Id } });
        Assert.Equal("changed", await heard.WaitAsync(Patience));
    }

    [Fact]
    public async Task Anything_changed_wakes_every_page()
    {
        var token = await TokenAsync(DemoAccountSeeder.ConsortiumLead("00G"), LiveInterest.Consortium("00G"));
        using var socket = await ConnectAsync(DemoAccountSeeder.ConsortiumLead("00G"), token);
        var heard = ReceiveAsync(socket);

        factory.Services.GetRequiredService<LiveChanges>().Receive(DataChange.Everything);

        Assert.Equal("changed", await heard.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_page_that_closes_its_socket_stops_watching()
    {
        var live = factory.Services.GetRequiredService<LiveChanges>();
        var token = await TokenAsync(DemoAccountSeeder.National, LiveInterest.AnyOrganisation);
        var watchingBefore = live.WatcherCount;
        using var socket = await ConnectAsync(DemoAccountSeeder.National, token);
        await WaitForAsync(() => live.WatcherCount == watchingBefore + 1);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(Patience);

        await WaitForAsync(() => live.WatcherCount == watchingBefore);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task Another_users_token_is_refused()
    {
        var token = await TokenAsync(DemoAccountSeeder.Regional("Q30"), LiveInterest.Consortium("00G"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(DemoAccountSeeder.National, token));

        Assert.Contains("400", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task A_token_that_is_not_ours_is_refused(string token)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(DemoAccountSeeder.National, token));

        Assert.Contains("400", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_token_is_refused()
    {
        var token = await TokenAsync(DemoAccountSeeder.National, LiveInterest.AnyOrganisation);
        var altered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(DemoAccountSeeder.National, altered));

        Assert.Contains("400", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_opened_from_another_site_is_refused()
    {
        var token = await TokenAsync(DemoAccountSeeder.National, LiveInterest.AnyOrganisation);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(DemoAccountSeeder.National, token, origin: "https://elsewhere.example"));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_signing_in_the_socket_is_refused()
    {
        var token = await TokenAsync(DemoAccountSeeder.National, LiveInterest.AnyOrganisation);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(email: null, token));

        // Sent to sign in, as any page is.
        Assert.Contains("302", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_request_is_told_what_the_address_is_for()
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.National);
        var token = await TokenAsync(DemoAccountSeeder.National, LiveInterest.AnyOrganisation);

        using var response = await client.GetAsync($"{LiveWakeEndpoint.Path}?t={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This address is for an open page's WebSocket only.", await response.Content.ReadAsStringAsync());
    }

    private async Task<string> TokenAsync(string email, LiveInterest interest)
    {
        var user = await DemoUsers.ActingAsync(factory, email);
        return factory.Services.GetRequiredService<LiveWakeTokens>().Issue(user.Id, interest);
    }

    private async Task<WebSocket> ConnectAsync(string? email, string token, string? origin = null)
    {
        var bearer = email is null ? null : await SignedInClients.LogInAsync(factory, email);
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer).ToString();
            }

            if (origin is not null)
            {
                request.Headers.Origin = origin;
            }
        };

        return await client.ConnectAsync(new Uri(factory.Server.BaseAddress, $"{LiveWakeEndpoint.Path.TrimStart('/')}?t={Uri.EscapeDataString(token)}"), CancellationToken.None);
    }

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static DataChange Change(string[]? consortia = null, string[]? pcts = null, string kind = "Assessment") =>
        new(new HashSet<string> { kind }, new HashSet<string>(consortia ?? []), new HashSet<string>(pcts ?? []));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
