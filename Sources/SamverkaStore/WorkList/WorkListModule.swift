extension StoreModule {
    static let workList = StoreModule(
        name: "Arbetslista",
        migrations: [Migrations.workListIndexes],
        recordTypes: [.workList, .task],
        workList: [TaskWorkList.tasks])
}
