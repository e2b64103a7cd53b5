using BenchmarkDotNet.Running;
using TransitionTracker.Benchmarks.Circuits;

// `circuits …` measures live pages in a browser against a running app (docs/performance.md, "Circuits");
// anything else goes to BenchmarkDotNet.
if (args is ["circuits", .. var rest])
{
    return await CircuitLoad.RunAsync(rest);
}

// `checklist …` measures answer changes in a live checklist (docs/performance.md, "The checklist").
if (args is ["checklist", .. var checklistArgs])
{
    return await ChecklistLoad.RunAsync(checklistArgs);
}

// `load …` drives many live pages at once as users work them (docs/performance.md, "Load: users at work").
if (args is ["load", .. var loadArgs])
{
    return await UserLoad.RunAsync(loadArgs);
}

// `live-delay …` times a save on one instance until it shows on another (docs/performance.md, "Live updates between instances").
if (args is ["live-delay", .. var delayArgs])
{
    return await LiveDelay.RunAsync(delayArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
