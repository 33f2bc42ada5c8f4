import ServiceKit

await ServiceLauncher.main(contractMonitorService)
