import ServiceKit

await ServiceLauncher.main(pipService)
