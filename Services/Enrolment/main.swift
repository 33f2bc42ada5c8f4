import ServiceKit

await ServiceLauncher.main(enrolmentService) { dependencies in try EnrolmentApp(dependencies).parts() }
