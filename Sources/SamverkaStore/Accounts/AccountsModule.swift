extension StoreModule {
    static let accounts = StoreModule(name: "Inloggning", recordTypes: [.session, .request])
}
