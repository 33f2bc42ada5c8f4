import ServiceKit

await ServiceLauncher.main(contractMonitorService) { dependencies in try ContractMonitorApp(dependencies).parts() }
