using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace TransitionTracker.Benchmarks.Circuits.Protocol;

/// <summary>
/// One live page spoken to over the Blazor Server protocol, without a browser: the page's HTML is fetched, its
/// circuit started on the hub with the page's root components, render batches applied to a <see cref="RenderTree"/>
/// and acknowledged, JS calls answered with defaults, and events and navigation sent as blazor.web.js sends them.
/// Everything a batch changes happens under one lock, in the order the batches came. There is no public client for
/// this (dotnet/aspnetcore issue #64898); see docs/performance.md, "Load: users at work".
/// </summary>
internal sealed partial class BlazorCircuit : IAsyncDisposable
{
    private static readonly TimeSpan RenderWait = TimeSpan.FromSeconds(10);

    // LOAD_PROTOCOL_TRACE=1 writes each JS call's identifier (once) and each event sent to stderr.
    private static readonly bool Trace = Environment.GetEnvironmentVariable("LOAD_PROTOCOL_TRACE") is not null;
    private static readonly ConcurrentDictionary<string, bool> Reported = new(StringComparer.Ordinal);

    private readonly HubConnection _connection;
    private readonly Uri _baseAddress;
    private readonly List<(Func<bool> Done, TaskCompletionSource<long> Rendered)> _waiters = [];
    private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> _locationChanging = new();
    private readonly RenderTree _tree = new();
    private readonly List<string> _history = [];
    private readonly ConcurrentDictionary<string, string> _events = new(StringComparer.Ordinal);
    private long _rendererObject = -1;
    private long _lastBatch;
    private long _nextCall;
    private long _nextObject;
    private bool _locationChangingListeners;
    private Exception? _failure;

    private BlazorCircuit(Uri baseAddress, string uri, CookieContainer cookies)
    {
        _baseAddress = baseAddress;
        Uri = uri;
        _history.Add(uri);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.Cookies = cookies;

                // Compressed as a browser's WebSocket asks (permessage-deflate), so that the app compresses its
                // messages as it does for browsers.
                options.WebSocketConfiguration = socket => socket.DangerousDeflateOptions = new WebSocketDeflateOptions();
            })
            .ConfigureLogging(logging => logging.AddProvider(new WarningsToConsole()).SetMinimumLevel(LogLevel.Warning));
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _connection = builder.Build();
        _connection.ServerTimeout = TimeSpan.FromSeconds(60);

        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], args => OnRenderBatch((long)args[0]!, (byte[])args[1]!));
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            args => OnBeginInvokeJS((long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!));
        _connection.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], args => OnEndInvokeDotNet((string?)args[0], (bool)args[1]!, (string?)args[2]));
        _connection.On("JS.EndLocationChanging", [typeof(int), typeof(bool)], args =>
        {
            if (_locationChanging.TryRemove((int)args[0]!, out var answer))
            {
                answer.TrySetResult((bool)args[1]!);
            }

            return Task.CompletedTask;
        });
        _connection.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);

        // Where a root component goes in the DOM: the tree takes each root as it first renders.
        _connection.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        _connection.On("JS.Error", [typeof(string)], args =>
        {
            Fail(new InvalidOperationException($"The circuit reported an error: {args[0]}"));
            return Task.CompletedTask;
        });
        _connection.Closed += e =>
        {
            Fail(new InvalidOperationException($"The circuit's connection closed{(e is null ? "" : $": {e.Message}")}."));
            return Task.CompletedTask;
        };
    }

    /// <summary>The page's address now, as the browser's location would be.</summary>
    public string Uri { get; private set; }

    public string Path => new Uri(Uri).PathAndQuery;

    /// <summary>Fetches the page and makes it live; throws <see cref="HttpRequestException"/> with the status when it does not answer 200.</summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, CookieContainer cookies, Uri baseAddress, string path)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, path));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{path} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var html = await response.Content.ReadAsStringAsync();
        var circuit = new BlazorCircuit(baseAddress, new Uri(baseAddress, path).ToString(), cookies);
        try
        {
            await circuit.StartAsync(html);
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }

        return circuit;
    }

    // As blazor.web.js starts a circuit for a page of a Blazor Web App: no components at first, then the page's server
    // components (its <!--Blazor:{...}--> markers, in order) added, with the state the page persisted.
    private async Task StartAsync(string html)
    {
        var state = StateComment().Match(html) is { Success: true } found ? found.Groups[1].Value : "";
        var operations = new List<object>();
        foreach (Match marker in Marker().Matches(html))
        {
            using var json = JsonDocument.Parse(marker.Groups[1].Value);
            if (!json.RootElement.TryGetProperty("type", out var type) || type.GetString() != "server")
            {
                continue;
            }

            var descriptor = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(marker.Groups[1].Value)!;
            descriptor["uniqueId"] = JsonSerializer.SerializeToElement(operations.Count);
            operations.Add(new { type = "add", ssrComponentId = operations.Count + 1, marker = descriptor });
        }

        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"{Path} has no interactive server components.");
        }

        await _connection.StartAsync();
        var circuitId = await _connection.InvokeAsync<string?>("StartCircuit", _baseAddress.ToString(), Uri, "[]", state);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException($"{Path}: the hub would not start a circuit.");
        }

        await _connection.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), state);
    }

    /// <summary>Reads the tree under the circuit's lock.</summary>
    public T Read<T>(Func<RenderTree, T> read)
    {
        lock (_tree)
        {
            ThrowIfFailed();
            return read(_tree);
        }
    }

    /// <summary>Waits (untimed) until the tree is as <paramref name="done"/> wants it.</summary>
    public async Task WaitForAsync(Func<RenderTree, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var rendered = Watch(done);
        try
        {
            await rendered.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Forget(rendered);
            throw new TimeoutException($"{Path}: {what ?? "the page"} did not render within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s.");
        }
    }

    /// <summary>
    /// Does <paramref name="act"/> and times it until the first render batch after which the tree is as
    /// <paramref name="done"/> wants it (not before the act); milliseconds.
    /// </summary>
    public async Task<double> TimeAsync(Func<Task> act, Func<RenderTree, bool> done)
    {
        TaskCompletionSource<long> rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_tree)
        {
            ThrowIfFailed();
            _waiters.Add((() => done(_tree), rendered));
        }

        var start = Stopwatch.GetTimestamp();
        await act();
        try
        {
            var end = await rendered.Task.WaitAsync(RenderWait);
            return Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
        }
        catch (TimeoutException)
        {
            Forget(rendered.Task);
            throw new TimeoutException($"{Path}: no render within {RenderWait.TotalSeconds:0} s.");
        }
    }

    /// <summary>A click on the element: to its click handler, or its nearest ancestor's (where a browser's click bubbles to first).</summary>
    public Task ClickAsync(Node element)
    {
        ulong? handler = null;
        lock (_tree)
        {
            for (var node = element; node is not null; node = node.Parent)
            {
                if (node.Kind == NodeKind.Element && node.Handler("click") is { } id)
                {
                    handler = id;
                    break;
                }
            }
        }

        return handler is { } found
            ? DispatchAsync(found, "click", new
            {
                detail = 1, screenX = 0, screenY = 0, clientX = 0, clientY = 0, offsetX = 0, offsetY = 0, pageX = 0, pageY = 0,
                movementX = 0, movementY = 0, button = 0, buttons = 0, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false,
                type = "click",
            })
            : throw new InvalidOperationException($"{Path}: nothing handles a click on <{element.Name}>.");
    }

    /// <summary>
    /// A click on a radio button or check box: its click handlers, then its change handler with the value and field
    /// a browser would send (the input's value; a check box's checked state).
    /// </summary>
    public async Task CheckAsync(Node input)
    {
        ulong? change;
        object value;
        int componentId;
        bool click;
        lock (_tree)
        {
            change = input.Handler("change");
            value = input.Attribute("type") == "checkbox" ? !input.HasAttribute("checked") : input.Attribute("value") ?? "on";
            componentId = int.Parse(input.Ancestors().First(a => a.Kind == NodeKind.Component).Name!, CultureInfo.InvariantCulture);
            click = input.Ancestors().Prepend(input).Any(n => n.Handler("click") is not null);
        }

        if (!click && change is null)
        {
            throw new InvalidOperationException($"{Path}: nothing handles a click or change on <input type={input.Attribute("type")}>.");
        }

        if (click)
        {
            await ClickAsync(input);
        }

        if (change is { } handler)
        {
            await DispatchAsync(handler, "change", new { value }, new { componentId, fieldValue = value });
        }
    }

    // Events go to the renderer's .NET object, as blazor.web.js sends them since .NET 8.
    private Task DispatchAsync(ulong handler, string eventName, object args, object? eventFieldInfo = null)
    {
        var renderer = Interlocked.Read(ref _rendererObject);
        if (renderer < 0)
        {
            throw new InvalidOperationException($"{Path}: the renderer's interop object has not been attached.");
        }

        var descriptor = new { eventHandlerId = handler, eventName, eventFieldInfo };
        if (Trace)
        {
            Console.Error.WriteLine($"load: {Path}: event {JsonSerializer.Serialize(descriptor)}");
        }

        var callId = Interlocked.Increment(ref _nextCall).ToString(CultureInfo.InvariantCulture);
        _events[callId] = eventName;
        return _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", renderer,
            JsonSerializer.Serialize(new object[] { descriptor, args }));
    }

    /// <summary>A click on a link inside the app, as blazor.web.js intercepts it: a new entry in the history.</summary>
    public Task FollowAsync(string href) => NavigateAsync(new Uri(_baseAddress, href).ToString(), intercepted: true, replace: false, ask: true);

    /// <summary>The browser's back button: the history's entry before, through the circuit's router.</summary>
    public Task BackAsync()
    {
        string uri;
        lock (_tree)
        {
            uri = _history.Count > 1 ? _history[^2] : throw new InvalidOperationException($"{Path}: no page to go back to.");
            _history.RemoveAt(_history.Count - 1);
        }

        return NavigateAsync(uri, intercepted: false, replace: true, ask: true);
    }

    // Navigation inside the app as blazor.web.js does it: the page asked first when it has location-changing handlers
    // (a NavigationLock) and the navigation did not come from .NET; then the history; then the new location.
    private async Task NavigateAsync(string uri, bool intercepted, bool replace, bool ask)
    {
        if (ask && Volatile.Read(ref _locationChangingListeners))
        {
            var callId = (int)Interlocked.Increment(ref _nextCall);
            var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _locationChanging[callId] = answer;
            await _connection.SendAsync("OnLocationChanging", callId, uri, null, intercepted);
            if (!await answer.Task.WaitAsync(RenderWait))
            {
                throw new InvalidOperationException($"{Path}: the page would not let the user leave for {uri}.");
            }
        }

        lock (_tree)
        {
            if (replace)
            {
                _history[^1] = uri;
            }
            else
            {
                _history.Add(uri);
            }

            Uri = uri;
        }

        await _connection.SendAsync("OnLocationChanged", uri, null, intercepted);
    }

    private async Task OnRenderBatch(long batchId, byte[] data)
    {
        string? error = null;
        lock (_tree)
        {
            try
            {
                // Batches are applied in the order they are numbered (the connection hands them over one at a time).
                if (batchId <= _lastBatch)
                {
                    throw new InvalidDataException($"render batch {batchId} came after {_lastBatch}");
                }

                _lastBatch = batchId;
                var summary = _tree.Apply(data);
                if (Trace)
                {
                    Console.Error.WriteLine($"load: {Path}: batch {batchId}, {data.Length} bytes: {summary}");
                }
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
            {
                error = e.Message;
            }

            if (error is null)
            {
                var now = Stopwatch.GetTimestamp();
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Done())
                    {
                        _waiters[i].Rendered.TrySetResult(now);
                        _waiters.RemoveAt(i);
                    }
                }
            }
        }

        await _connection.SendAsync("OnRenderCompleted", batchId, error);
        if (error is not null)
        {
            Fail(new InvalidDataException($"{Path}: render batch {batchId} could not be applied: {error}"));
        }
    }

    // JS calls from .NET: answered at once, with null unless the caller needs something (see Answer).
    private async Task OnBeginInvokeJS(long asyncHandle, string identifier, string? argsJson, int resultType)
    {
        if (Trace && Reported.TryAdd(identifier, true))
        {
            Console.Error.WriteLine($"load: JS call {identifier} {argsJson}");
        }

        object? result = Answer(identifier, argsJson);
        if (resultType == 1)
        {
            // A JS object reference: an id the page will never use, as no JS runs here.
            result = new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _nextObject) };
        }

        if (identifier == "Blazor._internal.navigationManager.navigateTo")
        {
            // NavigationManager.NavigateTo: the browser moves (the .NET side has asked its handlers already) and tells
            // the circuit where it is now, before the call returns.
            using var args = JsonDocument.Parse(argsJson ?? "[]");
            var uri = new Uri(new Uri(Uri), args.RootElement[0].GetString()).ToString();
            var options = args.RootElement.GetArrayLength() > 1 ? args.RootElement[1] : default;
            if (options.ValueKind == JsonValueKind.Object && options.TryGetProperty("forceLoad", out var forceLoad) && forceLoad.GetBoolean())
            {
                Fail(new NotSupportedException($"{Path}: the page asked for a full page load of {uri}, which this client does not do."));
            }
            else
            {
                var replace = options.ValueKind == JsonValueKind.Object && options.TryGetProperty("replaceHistoryEntry", out var r) && r.GetBoolean();
                await NavigateAsync(uri, intercepted: false, replace, ask: false);
            }
        }

        if (asyncHandle != 0)
        {
            await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new[] { asyncHandle, true, result }));
        }

        if (identifier == "mudObserveElementSize" && DotNetObject(argsJson) is { } observer)
        {
            // MudBlazor's ResizeObserver reports the element's size once as it starts observing (and on each change,
            // which never comes here).
            var size = new { width = ObservedSize.Width, height = ObservedSize.Height, timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
            var callId = Interlocked.Increment(ref _nextCall).ToString(CultureInfo.InvariantCulture);
            await _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "OnElementSizeChanged", observer, JsonSerializer.Serialize(new[] { size }));
        }
    }

    // The sizes a browser's layout would give MudBlazor's measurements, in a 1280 × 900 window like the browser client's.
    private static readonly (int Width, int Height) ObservedSize = (800, 400);

    private static readonly Dictionary<string, double> ElementRect = new(StringComparer.Ordinal)
    {
        ["x"] = 0, ["y"] = 0, ["width"] = 200, ["height"] = 40, ["top"] = 0, ["right"] = 200, ["bottom"] = 40, ["left"] = 0,
        ["scrollX"] = 0, ["scrollY"] = 0, ["windowWidth"] = 1280, ["windowHeight"] = 900,
    };

    private static long? DotNetObject(string? argsJson)
    {
        using var args = JsonDocument.Parse(argsJson ?? "[]");
        foreach (var arg in args.RootElement.EnumerateArray())
        {
            if (arg.ValueKind == JsonValueKind.Object && arg.TryGetProperty("__dotNetObject", out var id))
            {
                return id.GetInt64();
            }
        }

        return null;
    }

    private object? Answer(string identifier, string? argsJson)
    {
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                // [rendererId, {"__dotNetObject": id}, …]: the object events are dispatched to.
                Interlocked.Exchange(ref _rendererObject, DotNetObject(argsJson) ?? -1);
                return null;
            case "mudElementRef.getBoundingClientRect":
                return ElementRect;
            case "mudGetSvgBBox":
                return new { x = 0, y = 0, width = 40, height = 12 };
            case "mudObserveElementSize":
                return new { width = ObservedSize.Width, height = ObservedSize.Height };
            case "Blazor._internal.navigationManager.setHasLocationChangingListeners":
                using (var args = JsonDocument.Parse(argsJson ?? "[]"))
                {
                    Volatile.Write(ref _locationChangingListeners, args.RootElement.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.True));
                }

                return null;
            default:
                return null;
        }
    }

    // An event that failed fails the page (as the error boundary's message would show); a failed size report is only
    // told, once, as MudBlazor's script warns of it in the console.
    private Task OnEndInvokeDotNet(string? callId, bool succeeded, string? result)
    {
        if (!succeeded && callId is not null && _events.TryRemove(callId, out _))
        {
            Fail(new InvalidOperationException($"{Path}: an event's dispatch (#{callId}) failed: {result}"));
        }
        else if (!succeeded && Reported.TryAdd("dotnet:" + result, true))
        {
            Console.Error.WriteLine($"load: {Path}: a call into .NET (#{callId}) failed: {result}");
        }
        else if (callId is not null)
        {
            _events.TryRemove(callId, out _);
        }

        return Task.CompletedTask;
    }

    private void Fail(Exception e)
    {
        lock (_tree)
        {
            _failure ??= e;
            foreach (var (_, rendered) in _waiters)
            {
                rendered.TrySetException(e);
            }

            _waiters.Clear();
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException(_failure.Message, _failure);
        }
    }

    private Task Watch(Func<RenderTree, bool> done)
    {
        var rendered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_tree)
        {
            ThrowIfFailed();
            if (done(_tree))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((() => done(_tree), rendered));
        }

        return rendered.Task;
    }

    private void Forget(Task rendered)
    {
        lock (_tree)
        {
            _waiters.RemoveAll(w => w.Rendered.Task == rendered);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:([A-Za-z0-9+/=]+)\s*-->")]
    private static partial Regex StateComment();

    /// <summary>SignalR's MessagePack protocol under the name the Blazor hub asks for.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => 1;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => version == 1;

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }

    /// <summary>The SignalR client's warnings (a message it could not bind, a lost connection) on stderr, once each.</summary>
    private sealed class WarningsToConsole : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (IsEnabled(logLevel) && Reported.TryAdd("log:" + message, true))
            {
                Console.Error.WriteLine($"load: signalr {logLevel}: {message}{(exception is null ? "" : $" ({exception.Message})")}");
            }
        }

        public void Dispose()
        {
        }
    }
}
