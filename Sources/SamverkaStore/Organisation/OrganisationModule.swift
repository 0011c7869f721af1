extension StoreModule {
    static let organisation = StoreModule(name: "Organisation", recordTypes: [.area, .municipality, .organisation, .staff, .unit])
}
