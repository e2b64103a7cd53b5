using System.Diagnostics;
using System.Text;

namespace TransitionTracker.Web.Tests.Commands;

/// <summary>
/// Runs the app's <c>generate</c> command as a separate process, the way an operator or the load script does:
/// <c>dotnet TransitionTracker.Web.dll generate ...</c>, with the app built next to this test assembly.
/// </summary>
internal static class GenerateCommandProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static string AppDll { get; } = Path.Combine(AppContext.BaseDirectory, "TransitionTracker.Web.dll");

    /// <summary>Runs to the end; returns the exit code and everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = new StringBuilder();
        var reading = ReadAllAsync(process, line =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        });
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"generate did not finish within {Limit}. Output so far:\n{output}");
        }

        await reading;
        return (process.ExitCode, output.ToString());
    }

    /// <summary>
    /// Starts the command, waits for a line of its output that <paramref name="isMidWay"/> accepts, then kills it
    /// and its whole process tree; returns everything printed up to the kill.
    /// </summary>
    public static async Task<string> KillWhenAsync(Func<string, bool> isMidWay, params string[] arguments)
    {
        using var process = Start(arguments);
        var output = new StringBuilder();
        var midWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = ReadAllAsync(process, line =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (isMidWay(line))
            {
                midWay.TrySetResult();
            }
        });

        var finished = await Task.WhenAny(midWay.Task, process.WaitForExitAsync(), Task.Delay(Limit));
        if (finished != midWay.Task)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            throw new InvalidOperationException($"generate never reported being mid-way before it {(process.HasExited ? $"exited with {process.ExitCode}" : "timed out")}. Output:\n{output}");
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await reading;
        lock (output)
        {
            return output.ToString();
        }
    }

    private static Process Start(string[] arguments)
    {
        if (!File.Exists(AppDll))
        {
            throw new FileNotFoundException("The app is not built next to the tests.", AppDll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(AppDll);
        start.ArgumentList.Add("generate");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
    }

    private static Task ReadAllAsync(Process process, Action<string> onLine) => Task.WhenAll(
        Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                onLine(line);
            }
        }),
        Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                onLine(line);
            }
        }));
}
