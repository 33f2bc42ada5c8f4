import ServiceKit

await ServiceLauncher.main(enrolmentService)
