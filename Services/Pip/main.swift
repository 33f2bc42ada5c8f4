import ServiceKit

await ServiceLauncher.main(pipService) { dependencies in try PipApp(dependencies).parts() }
