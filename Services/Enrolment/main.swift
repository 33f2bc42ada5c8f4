import ServiceKit

await ServiceLauncher.main(enrolmentService) { dependencies in EnrolmentApp(dependencies).parts() }
