using System.Diagnostics;

namespace TransitionTracker.Web.Tests.Resilience;

/// <summary>Stops and starts one PostgreSQL cluster ("15 outage") with Debian's pg_ctlcluster.</summary>
public sealed class PostgresCluster
{
    private readonly string[] _versionAndName;

    public PostgresCluster(string versionAndName)
    {
        _versionAndName = versionAndName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (_versionAndName.Length != 2)
        {
            throw new ArgumentException($"Expected a cluster as '<version> <name>', e.g. '15 outage'; got '{versionAndName}'.", nameof(versionAndName));
        }

        // The shared cluster serves every other test run on this machine: stopping it is never acceptable.
        if (_versionAndName[1] == "main")
        {
            throw new ArgumentException("The outage tests must not stop the 'main' cluster; give them a cluster of their own.", nameof(versionAndName));
        }
    }

    public async Task StopAsync()
    {
        var (code, errors) = await RunAsync("stop", "--mode", "fast");
        if (code != 0)
        {
            throw new InvalidOperationException($"Stopping cluster {string.Join(' ', _versionAndName)} failed: {errors}");
        }
    }

    /// <summary>Starts the cluster unless it is already running.</summary>
    public async Task StartAsync()
    {
        if ((await RunAsync("status")).ExitCode == 0)
        {
            return;
        }

        var (code, errors) = await RunAsync("start");
        if (code != 0)
        {
            throw new InvalidOperationException($"Starting cluster {string.Join(' ', _versionAndName)} failed: {errors}");
        }
    }

    private async Task<(int ExitCode, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("pg_ctlcluster") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in _versionAndName.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_ctlcluster could not be started.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await errors);
    }
}
