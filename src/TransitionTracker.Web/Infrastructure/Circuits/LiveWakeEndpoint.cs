using System.Net.WebSockets;
using TransitionTracker.Application.Live;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Infrastructure.Circuits;

/// <summary>
/// <c>/live/wake</c>: the WebSocket a page holds open while its circuit is paused because nobody used it for a while
/// (docs/architecture.md, "Idle pages"). It sends "changed" once, when a change the page shows is saved on any
/// instance, and closes; the page then resumes its circuit, which reads the page again. It holds no circuit, no
/// components and no render tree: a few kilobytes per page (docs/performance.md, "Circuits").
/// </summary>
public static class LiveWakeEndpoint
{
    public const string Path = "/live/wake";

    /// <summary>A page has one live region of its own; more tokens than this is not a page of ours.</summary>
    private const int MostTokens = 4;

    private static readonly byte[] Changed = "changed"u8.ToArray();

    /// <summary>WebSockets for this address only (Blazor's own connection has them from its hub).</summary>
    public static IApplicationBuilder UseLiveWakeSockets(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.Equals(Path, StringComparison.Ordinal),
            branch => branch.UseWebSockets(new WebSocketOptions
            {
                // A ping every 30 s keeps the socket through proxies and finds a browser that went without closing it.
                KeepAliveInterval = TimeSpan.FromSeconds(30),
                KeepAliveTimeout = TimeSpan.FromSeconds(30),
            }));

    public static IEndpointRouteBuilder MapLiveWake(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, WakeAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task WakeAsync(HttpContext context, LiveWakeTokens tokens, LiveChanges changes, CurrentUser user, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "This address is for an open page's WebSocket only.");
            return;
        }

        // A page of another site could open a WebSocket with this site's cookie; the browser always says whose page it is.
        if (!OriginCheckMiddleware.IsSameOrigin(context.Request))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "This WebSocket was opened from another site, so it was refused.");
            return;
        }

        var given = context.Request.Query["t"];
        var interests = user.Id is { } id && given.Count is > 0 and <= MostTokens
            ? given.Select(token => token is null ? null : tokens.Read(token, id)).ToList()
            : [];
        if (interests.Count == 0 || interests.Any(interest => interest is null))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The page's wake token is missing, has expired or is not yours. Load the page again.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watching = changes.Watch(change =>
        {
            if (interests.Any(interest => interest!.Matches(change)))
            {
                woken.TrySetResult();
            }
        });

        // An instance that stops tells its pages to resume, through the proxy, on another.
        using var stopping = lifetime.ApplicationStopping.Register(() => woken.TrySetResult());
        try
        {
            // The browser sends nothing but its close; one byte is room enough to hear it.
            var closed = socket.ReceiveAsync(new Memory<byte>(new byte[1]), context.RequestAborted).AsTask();
            if (await Task.WhenAny(woken.Task, closed) == woken.Task)
            {
                await socket.SendAsync(Changed, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "changed", context.RequestAborted);
                await Task.WhenAny(closed, Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted));
            }
            else if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The browser went away.
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }
}
