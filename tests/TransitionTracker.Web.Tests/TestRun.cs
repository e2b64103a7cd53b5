using TransitionTracker.TestSupport;

[assembly: TestFramework(TestRunFramework.TypeName, TestRunFramework.AssemblyName)]
